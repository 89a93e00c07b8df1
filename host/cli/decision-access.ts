import { DecisionStore } from '../store/decisions.js';
import { FlowService } from '../flow/flow-service.js';
import type { SpecStore } from '../store/spec-store.js';
import type { CliIo } from './command.js';
import { withCliStore } from './store-access.js';

/** Opens the library for a decision/flow command: the spec store, its decision tables and the flow service. */
export function withDecisions<T>(io: CliIo, fn: (d: { specs: SpecStore; decisions: DecisionStore; flow: FlowService }) => Promise<T> | T): Promise<T> {
  return withCliStore(io, (specs) => {
    const decisions = new DecisionStore(specs);
    return fn({ specs, decisions, flow: new FlowService({ specs, decisions }) });
  });
}
