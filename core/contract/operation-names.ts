/**
 * The names of every contract operation and host event, and nothing else: no zod, no schemas.
 * The Electron preload is built from this list so it stays a few kilobytes (the schema registry
 * in `operations.ts` is over a megabyte bundled). `test/core/contract/operation-names.test.ts`
 * fails when this list and the registry disagree, so adding an operation means one line here too.
 */
export const operationNames = [
  'app.info',
  'app.initialDocument',
  'files.read',
  'files.write',
  'files.openDialog',
  'files.saveDialog',
  'files.folderDialog',
  'lint.config',
  'specs.list',
  'specs.get',
  'specs.forFile',
  'specs.create',
  'specs.rename',
  'specs.archive',
  'specs.trash',
  'specs.restore',
  'specs.emptyTrash',
  'specs.import',
  'specs.export',
  'versions.save',
  'versions.list',
  'versions.get',
  'versions.restore',
  'versions.diff',
  'drafts.save',
  'drafts.load',
  'drafts.discard',
  'search.query',
  'store.info',
  'store.backup',
  'store.restoreBackup',
  'review.passes',
  'review.run',
  'review.cancel',
  'review.status',
  'review.findingState.list',
  'review.findingState.set',
  'review.settings.get',
  'review.settings.set',
  'review.briefTargets',
  'review.brief',
  'review.clarify',
  'review.clarify.apply',
  'server.status',
  'server.start',
  'server.stop',
  'server.defects',
  'server.logs',
  'server.outbox',
  'server.tokens',
  'server.reset',
  'server.request',
  'validate.run',
  'validate.runs',
] as const;

/** Events the host pushes to the UI, by name. */
export const eventNames = ['review.progress', 'review.finding', 'review.done', 'review.runDone', 'server.status', 'server.log', 'validate.progress'] as const;

export type OperationNameListed = (typeof operationNames)[number];
export type EventNameListed = (typeof eventNames)[number];
