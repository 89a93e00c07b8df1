import type { ComponentType } from 'react';
import { HistoryPanel } from './HistoryPanel.js';
import { LibraryPanel } from './LibraryPanel.js';
import { ProblemsPanel } from './ProblemsPanel.js';
import { ReviewPanel } from './ReviewPanel.js';
import { ServerPanel } from './ServerPanel.js';
import { FlowPanel } from './FlowPanel.js';
import { AdrPanel } from './AdrPanel.js';
import { MeetingPanel } from './MeetingPanel.js';
import { CommentsPanel } from '../comments/CommentsPanel.js';
import { ValidatePanel } from './ValidatePanel.js';
import { TeamPanel } from './TeamPanel.js';

/** A tool panel in the right-hand dock (Problems, Review, History, Server…). */
export interface PanelDef {
  id: string;
  title: string;
  component: ComponentType;
}

/** Every dock panel, in tab order. Adding one: a component module and one line here. */
export const panels: PanelDef[] = [
  { id: 'problems', title: 'Problems', component: ProblemsPanel },
  { id: 'review', title: 'Review', component: ReviewPanel },
  { id: 'comments', title: 'Comments', component: CommentsPanel },
  { id: 'library', title: 'Library', component: LibraryPanel },
  { id: 'history', title: 'History', component: HistoryPanel },
  { id: 'server', title: 'Server', component: ServerPanel },
  { id: 'meeting', title: 'Meeting', component: MeetingPanel },
  { id: 'adrs', title: 'ADRs', component: AdrPanel },
  { id: 'flow', title: 'Flow', component: FlowPanel },
  { id: 'validate', title: 'Validate', component: ValidatePanel },
  { id: 'team', title: 'Team', component: TeamPanel },
];
