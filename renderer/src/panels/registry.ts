import type { ComponentType } from 'react';
import { ProblemsPanel } from './ProblemsPanel.js';

/** A tool panel in the right-hand dock (Problems, Review, History, Server…). */
export interface PanelDef {
  id: string;
  title: string;
  component: ComponentType;
}

/** Every dock panel, in tab order. Adding one: a component module and one line here. */
export const panels: PanelDef[] = [
  { id: 'problems', title: 'Problems', component: ProblemsPanel },
];
