import { metricsCsv } from '../../core/flow/metrics-format.js';
import { saveAdrText } from '../adr/edit-adr.js';
import type { HostContext } from './context.js';
import type { Handlers } from './dispatch.js';

type DecisionOps =
  | 'adr.list'
  | 'adr.get'
  | 'adr.save'
  | 'adr.delete'
  | 'adr.undoDelete'
  | 'meeting.open'
  | 'meeting.get'
  | 'meeting.list'
  | 'meeting.addItem'
  | 'meeting.decide'
  | 'meeting.close'
  | 'meeting.agendaMarkdown'
  | 'metrics.flow'
  | 'metrics.csv'
  | 'lifecycle.set'
  | 'specRequired.save'
  | 'specRequired.get';

/** Decision meeting, ADRs, lifecycle and flow metrics (issue 14); the services do the work. */
export function createDecisionHandlers(ctx: HostContext): Pick<Handlers, DecisionOps> {
  return {
    'adr.list': async (args) => ctx.decisions.listAdrs(args),
    'adr.get': async ({ id }) => ctx.decisions.getAdr(id),
    'adr.save': async ({ id, text, actor }) => saveAdrText(ctx.decisions, id, text, actor),
    'adr.delete': async ({ id }) => ctx.decisions.setAdrDeleted(id, true),
    'adr.undoDelete': async ({ id }) => ctx.decisions.setAdrDeleted(id, false),
    'meeting.open': async (args) => ctx.meetings.open(args),
    'meeting.get': async ({ id }) => ctx.meetings.get(id),
    'meeting.list': async () => ctx.meetings.list(),
    'meeting.addItem': async ({ meetingId, ...item }) => ctx.meetings.addItem(meetingId, item),
    'meeting.decide': async (args) => ctx.meetings.decide(args),
    'meeting.close': async ({ id, ...options }) => ctx.meetings.close(id, options),
    'meeting.agendaMarkdown': async ({ id }) => ({ markdown: ctx.meetings.agendaMarkdown(id) }),
    'metrics.flow': async ({ since }) => ctx.flow.metrics(since),
    'metrics.csv': async ({ since }) => {
      const metrics = ctx.flow.metrics(since);
      return { csv: metricsCsv(metrics), fileName: `spec-flow-${metrics.generatedAt.slice(0, 10)}.csv` };
    },
    'lifecycle.set': async ({ specId, state, at, actor }) => ctx.flow.setStage(specId, state, { at, actor }),
    'specRequired.save': async ({ specId, answers, actor }) => ctx.flow.saveSpecRequired(specId ?? null, answers, actor),
    'specRequired.get': async ({ specId }) => ctx.flow.specRequired(specId),
  };
}
