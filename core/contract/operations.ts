import type { z } from 'zod';
import type { EventDef, OperationDef } from './define.js';
import { operationNames as listedOperationNames, type EventNameListed, type OperationNameListed } from './operation-names.js';
import { appOperations } from './ops/app.js';
import { fileOperations } from './ops/files.js';
import { lintOperations } from './ops/lint.js';
import { specOperations } from './ops/specs.js';
import { versionOperations } from './ops/versions.js';
import { draftOperations } from './ops/drafts.js';
import { searchOperations } from './ops/search.js';
import { storeOperations } from './ops/store.js';
import { reviewEvents, reviewOperations } from './ops/review.js';
import { serverEvents, serverOperations } from './ops/server.js';
import { decisionOperations } from './ops/decisions.js';
import { reviewThreadOperations } from './ops/review-threads.js';
import { validateEvents, validateOperations } from './ops/validate.js';

/**
 * Every operation of the workbench API. One domain module per line; the Electron preload,
 * the IPC registration, the HTTP host and the renderer client are all driven by this object.
 */
export const operations = {
  ...appOperations,
  ...fileOperations,
  ...lintOperations,
  ...specOperations,
  ...versionOperations,
  ...draftOperations,
  ...searchOperations,
  ...storeOperations,
  ...reviewOperations,
  ...serverOperations,
  ...decisionOperations,
  ...reviewThreadOperations,
  ...validateOperations,
} satisfies Record<string, OperationDef>;

/** Events the host pushes to the UI. One domain module per line. */
export const events = {
  ...reviewEvents,
  ...serverEvents,
  ...validateEvents,
} satisfies Record<string, EventDef>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type ArgsOf<K extends OperationName> = z.input<Operations[K]['args']>;
export type ParsedArgsOf<K extends OperationName> = z.output<Operations[K]['args']>;
export type ResultOf<K extends OperationName> = z.output<Operations[K]['result']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type PayloadOf<K extends EventName> = z.output<Events[K]['payload']>;

/** Compile-time twin of the names test: the zod-free name list and this registry hold the same names. */
type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies SameNames<OperationName, OperationNameListed>;
true satisfies SameNames<EventName, EventNameListed>;

export const operationNames: readonly OperationName[] = listedOperationNames;

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}
