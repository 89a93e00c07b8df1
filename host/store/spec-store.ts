import { copyFile, rm, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SpecDiff } from '../../core/diff/types.js';
import type { SpecListArgs, SpecState, ExportResult } from '../../core/contract/ops/specs.js';
import type { SearchHit } from '../../core/contract/ops/search.js';
import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase, type OpenDatabaseOptions, type OpenedDatabase, type SqliteDatabase } from '../db/connection.js';
import { toDbError } from '../db/errors.js';
import { createQueries } from '../db/queries/create-queries.js';
import type { FindingState, FindingStateRecord } from '../db/queries/finding-states.js';
import type { ValidationRunRecord } from '../db/queries/validation-runs.js';
import { loadMigrations } from '../db/migrate.js';
import { HostError } from '../common/host-error.js';
import { backupDatabase, backupsDirOf, ensureDir, fileStamp, listBackups, moveAside } from './backups.js';
import { discardDraft, loadDraft, saveDraft } from './drafts.js';
import { canonicalPath, fileExists } from '../files/file-identity.js';
import { lintConfigForSpecFile, lintConfigsByFolder } from '../lint/spec-lint-config.js';
import { createSpecForFile, linkFile, linksWithHash, liveLink, moveLink, type FileLink, type FileSnapshot } from './file-links.js';
import { contentHash } from './content-hash.js';
import { snapshotFile } from './file-snapshot.js';
import { exportContent, writeExport } from './export-spec.js';
import type { Analyzer, VersionAnalysis } from './analyze.js';
import { diffVersions, getVersion, listVersions, restoreVersion, saveVersion, type CommitOptions } from './history.js';
import { readSpecFolder, readSpecTree } from './import-folder.js';
import { createSpec, emptyTrash, listSpecs, openSpec, renameSpec, restoreSpec, setArchived, specItem, trashSpec } from './library.js';
import { searchSpecs } from './search.js';
import { flushSearchIndex } from './fts-index.js';
import { nowIso, type StoreSession } from './session.js';
import type {
  BackupFile,
  CreateSpecInput,
  CreatedSpec,
  Draft,
  ImportResult,
  OpenedSpec,
  SaveDraftInput,
  SaveVersionInput,
  SaveVersionResult,
  SpecListItem,
  VersionDetail,
  VersionInfo,
} from './types.js';

/** The database file inside a data folder. */
export const DB_FILE_NAME = 'specbench.db';

export type SpecStoreOptions = OpenDatabaseOptions;

export interface StoreInfo {
  path: string;
  schemaVersion: number | null;
  appSchemaVersion: number;
  backupsDir: string;
  backups: BackupFile[];
  error: { code: string; message: string } | null;
}

/**
 * The typed spec store: library, immutable versions, drafts, search, import/export and
 * backups. Callers never see SQL. The database opens on first use (or `open()`), and an open
 * that fails (corrupt, newer, locked) is retried on the next call rather than remembered, so
 * freeing a lock or restoring a backup needs no restart. Every failure is a HostError.
 */
export class SpecStore {
  readonly file: string;
  private opened: (OpenedDatabase & { session: StoreSession }) | null = null;
  private flushScheduled = false;

  constructor(
    readonly dataDir: string,
    private readonly options: SpecStoreOptions = {},
  ) {
    this.file = join(resolve(dataDir), DB_FILE_NAME);
  }

  /** Opens the database now (checks, migrations); throws a DbError when it cannot be used. */
  open(): void {
    this.session();
  }

  close(): void {
    this.opened?.db.close();
    this.opened = null;
  }

  get isOpen(): boolean {
    return this.opened !== null;
  }

  /** The raw connection, for host internals that need SQLite itself (benchmarks, tests); never for SQL from callers. */
  get connection(): SqliteDatabase {
    return this.session().db;
  }

  private session(): StoreSession {
    if (!this.opened) {
      const opened = openDatabase(this.file, this.options);
      this.opened = { ...opened, session: { db: opened.db, q: createQueries(opened.db), file: this.file, fingerprints: new Map() } };
      // Texts a crash left unindexed are caught up soon after opening.
      this.scheduleIndexing();
    }
    return this.opened.session;
  }

  /**
   * Indexes newly saved texts for search once the current call has returned, so a save
   * replies as soon as it has committed. A failure (say, a lock) is left for the next
   * search, which indexes first.
   */
  private scheduleIndexing(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (!this.opened) return;
      try {
        flushSearchIndex(this.opened.session);
      } catch {
        // Retried by the next search or save.
      }
    }).unref();
  }

  /** Indexes every saved text not yet searchable; returns how many. Searches call this first. */
  flushSearchIndex(): number {
    return this.run((s) => flushSearchIndex(s));
  }

  private run<T>(fn: (s: StoreSession) => T): T {
    try {
      return fn(this.session());
    } catch (error) {
      throw toDbError(error, this.file, this.options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
    }
  }

  private async runAsync<T>(fn: (s: StoreSession) => Promise<T>): Promise<T> {
    try {
      return await fn(this.session());
    } catch (error) {
      throw toDbError(error, this.file, this.options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
    }
  }

  // Library

  listSpecs(args: SpecListArgs = {}): SpecListItem[] {
    return this.run((s) => listSpecs(s, args));
  }
  getSpec(id: number): OpenedSpec {
    return this.run((s) => openSpec(s, id));
  }
  /** `analysis`: the text's summary computed off the request path (the compute pool); otherwise it is computed here. */
  createSpec(input: CreateSpecInput, options: { analysis?: VersionAnalysis } = {}): CreatedSpec {
    const result = this.run((s) => createSpec(s, input, options));
    this.scheduleIndexing();
    return result;
  }
  renameSpec(id: number, title: string): SpecListItem {
    return this.run((s) => renameSpec(s, id, title));
  }
  setArchived(id: number, archived: boolean): SpecListItem {
    return this.run((s) => setArchived(s, id, archived));
  }
  trashSpec(id: number): SpecListItem {
    return this.run((s) => trashSpec(s, id));
  }
  restoreSpec(id: number): SpecListItem {
    return this.run((s) => restoreSpec(s, id));
  }
  /** Deletes trashed specs for good (all, or the trashed ones among `ids`); returns how many. */
  emptyTrash(ids?: number[]): number {
    return this.run((s) => emptyTrash(s, ids));
  }

  // Versions

  /** See `saveVersion` in history.ts: no new row for identical content; committed when it returns. */
  saveVersion(input: SaveVersionInput, options?: CommitOptions): SaveVersionResult {
    const result = this.run((s) => saveVersion(s, input, options));
    this.scheduleIndexing();
    return result;
  }
  /** Newest first. */
  listVersions(specId: number): VersionInfo[] {
    return this.run((s) => listVersions(s, specId));
  }
  getVersion(specId: number, number: number): VersionDetail {
    return this.run((s) => getVersion(s, specId, number));
  }
  restoreVersion(specId: number, number: number, meta?: { author?: string; message?: string }): { version: VersionInfo; created: boolean } {
    const result = this.run((s) => restoreVersion(s, specId, number, meta));
    this.scheduleIndexing();
    return result;
  }
  diffVersions(specId: number, from: number, to: number, context?: number): SpecDiff {
    return this.run((s) => diffVersions(s, specId, from, to, context));
  }

  // Drafts

  saveDraft(input: SaveDraftInput): { updatedAt: string } {
    return this.run((s) => saveDraft(s, input));
  }
  loadDraft(specId: number): Draft | null {
    return this.run((s) => loadDraft(s, specId));
  }
  discardDraft(specId: number): boolean {
    return this.run((s) => discardDraft(s, specId));
  }

  // Search

  search(query: string, options?: { limit?: number; states?: SpecState[] }): SearchHit[] {
    return this.run((s) => {
      try {
        flushSearchIndex(s);
      } catch (error) {
        // A locked database still answers from the index it has; texts saved in the last moments may be missing.
        if ((toDbError(error, this.file, 0) as { code?: string }).code !== 'DB_LOCKED') throw error;
      }
      return searchSpecs(s, query, options);
    });
  }

  // Files

  /**
   * Imports each Markdown file of `dir` (with `recursive`, of its whole tree: spec-kit, Kiro,
   * OpenSpec layouts and plain specs, see import-walk.ts) as a spec; each file commits on its
   * own. A file is matched to the spec it was imported into before by its canonical path, then
   * (moved on disk) by its content hash: unchanged it adds nothing, changed it adds one version
   * to that spec, never a duplicate spec (issue 11 FR-5). `analyze` computes a text's summary
   * off the request path; a file it refuses (a HostError, e.g. TOO_COMPLEX) is listed as
   * skipped and nothing of it is saved.
   */
  async importFolder(dir: string, options: { author?: string; analyze?: Analyzer; recursive?: boolean } = {}): Promise<ImportResult> {
    this.session();
    const root = resolve(dir);
    const result: ImportResult = { imported: [], updated: [], unchanged: [], skipped: [] };
    // Readiness as the editor would lint these files: with the .specbench.json of each file's folder.
    const configFor = lintConfigsByFolder();
    for await (const entry of options.recursive ? readSpecTree(root) : readSpecFolder(root)) {
      if (entry.kind === 'skipped') {
        result.skipped.push({ file: entry.file, code: entry.code, reason: entry.reason });
        continue;
      }
      const onDisk = entry.spec.path ?? join(root, entry.file);
      const file: FileSnapshot = { path: await canonicalPath(onDisk), hash: contentHash(entry.spec.content).hash };
      const link = this.run((s) => liveLink(s, file.path)) ?? (await this.movedLink(file));
      if (link && link.contentHash === file.hash) {
        result.unchanged.push({ file: entry.file, specId: link.specId });
        continue;
      }
      const lintConfig = await configFor(onDisk);
      let analysis: VersionAnalysis | undefined;
      try {
        analysis = await options.analyze?.(entry.spec.content, lintConfig);
      } catch (error) {
        if (!(error instanceof HostError)) throw error;
        result.skipped.push({ file: entry.file, code: error.code, reason: error.message });
        continue;
      }
      if (link) {
        const saved = this.saveVersion({ specId: link.specId, markdown: entry.spec.content, bom: entry.spec.bom, author: options.author, message: `Imported from ${entry.file}`, lintConfig }, { analysis });
        this.run((s) => linkFile(s, link.specId, file));
        if (saved.created) result.updated.push({ file: entry.file, specId: link.specId, version: saved.version.number });
        else result.unchanged.push({ file: entry.file, specId: link.specId });
        continue;
      }
      const created = this.run((s) =>
        createSpecForFile(s, { source: { kind: 'markdown', markdown: entry.spec.content, bom: entry.spec.bom, fileName: entry.exportName ?? entry.file }, author: options.author, lintConfig }, file, { analysis }),
      );
      if (created.created) {
        this.scheduleIndexing();
        result.imported.push({ file: entry.file, specId: created.spec.id, title: created.spec.title });
      } else result.unchanged.push({ file: entry.file, specId: created.spec.id });
    }
    return result;
  }

  /** A link whose file is gone and whose content this file now holds: the file moved, and the link follows it. */
  private async movedLink(file: FileSnapshot): Promise<FileLink | undefined> {
    for (const candidate of this.run((s) => linksWithHash(s, file.hash))) {
      if (candidate.path === file.path || (await fileExists(candidate.path))) continue;
      return this.run((s) => moveLink(s, candidate, file));
    }
    return undefined;
  }

  /** The Markdown of the newest (or given) version, byte-identical to what was saved; written to `path` when given. */
  async exportSpec(id: number, options: { version?: number; path?: string } = {}): Promise<ExportResult> {
    const content = this.run((s) => exportContent(s, id, options.version));
    return options.path ? writeExport(content, resolve(options.path)) : { ...content, path: null };
  }

  // Files and their specs: the host owns the link (by canonical path, content hash as fallback)

  /**
   * The library spec a file keeps its history in, with its newest version and draft, or null.
   * Found by the file's canonical path; failing that (a file moved or renamed on disk), by the
   * content hash of its text among links whose file is gone, and that link is re-pointed here.
   */
  async specForFile(path: string): Promise<OpenedSpec | null> {
    const file = await snapshotFile(path);
    const linked = this.run((s) => liveLink(s, file.path));
    if (linked) return this.getSpec(linked.specId);
    for (const candidate of this.run((s) => linksWithHash(s, file.hash))) {
      if (candidate.path === file.path || (await fileExists(candidate.path))) continue;
      const moved = this.run((s) => moveLink(s, candidate, file));
      return this.getSpec(moved.specId);
    }
    return null;
  }

  /**
   * True when the library holds a live link to this canonical path: the desktop app lets the
   * renderer reopen such a file without a dialog. An unreadable store holds nothing.
   */
  holdsFile(canonical: string): boolean {
    try {
      return this.run((s) => liveLink(s, canonical) !== undefined);
    } catch {
      return false;
    }
  }

  /**
   * The spec of a file opened in the editor, created from `input` (readiness under the file's
   * `.specbench.json`) only if the file has none yet; `created` says which.
   */
  async createSpecForFile(input: Omit<CreateSpecInput, 'lintConfig' | 'readiness'>, path: string, options: { analyze?: Analyzer } = {}): Promise<CreatedSpec & { created: boolean }> {
    const file = await snapshotFile(path);
    const lintConfig = await lintConfigForSpecFile(file.path);
    const analysis = input.source.kind === 'markdown' ? await options.analyze?.(input.source.markdown, lintConfig) : undefined;
    const result = this.run((s) => createSpecForFile(s, { ...input, lintConfig }, file, { analysis }));
    if (result.created) this.scheduleIndexing();
    return result;
  }

  /**
   * A version saved from the editor: its readiness is computed here with the `.specbench.json`
   * of the spec's file. `file`, the path the text was just written to, is (re)linked to the spec
   * with the file's new content hash (Save, Save As).
   */
  async saveVersionForFile(input: Omit<SaveVersionInput, 'lintConfig' | 'readiness'>, file?: string, options: { analyze?: Analyzer } = {}): Promise<SaveVersionResult> {
    const snapshot = file ? await snapshotFile(file) : null;
    const path = snapshot?.path ?? this.run((s) => s.q.fileLinks.latestOf(input.specId))?.path;
    const lintConfig = path ? await lintConfigForSpecFile(path) : undefined;
    const analysis = await options.analyze?.(input.markdown, lintConfig);
    const result = this.saveVersion({ ...input, lintConfig }, { analysis });
    if (snapshot) this.run((s) => linkFile(s, input.specId, snapshot));
    return result;
  }

  // Backups

  get backupsDir(): string {
    return backupsDirOf(this.dataDir);
  }

  /** A consistent copy via SQLite's online backup API; default `<data>/backups/specbench-<time>.db`. */
  async backup(target?: string): Promise<BackupFile> {
    if (!target) await ensureDir(this.backupsDir);
    const path = resolve(target ?? join(this.backupsDir, `specbench-${fileStamp()}.db`));
    return this.runAsync((s) => backupDatabase(s.db, path));
  }

  listBackups(): Promise<BackupFile[]> {
    return listBackups(this.backupsDir);
  }

  /**
   * Replaces the database with a backup: the backup is copied and fully checked (and migrated)
   * under a temporary name first; only then is the current file renamed aside — never
   * overwritten or deleted — and the copy put in its place.
   */
  async restoreBackup(source: string): Promise<{ restoredFrom: string; movedAside: string[] }> {
    const from = resolve(source);
    const info = await stat(from).catch(() => null);
    if (!info?.isFile()) throw new HostError('NOT_FOUND', `${from}: no such backup file`);
    const temp = `${this.file}.restoring-${fileStamp()}`;
    await copyFile(from, temp, constants.COPYFILE_EXCL);
    try {
      openDatabase(temp, { ...this.options, check: 'full' }).db.close();
    } catch (error) {
      const reason = error instanceof Error ? error.message.replaceAll(temp, from) : String(error);
      throw new HostError('BACKUP_INVALID', `${from} cannot be restored: ${reason}`);
    } finally {
      await rm(`${temp}-wal`, { force: true });
      await rm(`${temp}-shm`, { force: true });
    }
    this.close();
    const movedAside = await moveAside(this.file);
    await copyFile(temp, this.file, constants.COPYFILE_EXCL);
    await rm(temp, { force: true });
    this.open();
    return { restoredFrom: from, movedAside };
  }

  /** Where the database is and whether it opens; never throws for an unusable database (reports it in `error`). */
  async info(): Promise<StoreInfo> {
    let error: StoreInfo['error'] = null;
    try {
      this.session();
    } catch (e) {
      if (!(e instanceof HostError)) throw e;
      error = { code: e.code, message: e.message };
    }
    return {
      path: this.file,
      schemaVersion: this.opened?.schemaVersion ?? null,
      appSchemaVersion: loadMigrations(this.options.migrationsDir).length,
      backupsDir: this.backupsDir,
      backups: await this.listBackups(),
      error,
    };
  }

  // Review findings (schema from migration 002; operations arrive with the AI-review work)

  setFindingState(input: { specId: number; contentHash: string; findingId: string; state: FindingState; note?: string | null }): void {
    this.run((s) => {
      // An unknown spec is NOT_FOUND, not the FOREIGN KEY failure (INTERNAL) the insert would raise (found by the fuzz suite).
      specItem(s, input.specId);
      s.q.findingStates.set({ ...input, note: input.note ?? null, updatedAt: nowIso() });
    });
  }
  /**
   * The states of findings on this content, plus dismissals made on earlier contents of the
   * spec: a finding's id follows its quote, so a dismissed finding stays dismissed until the
   * text it quotes changes.
   */
  listFindingStates(specId: number, contentHash: string): FindingStateRecord[] {
    return this.run((s) => [...s.q.findingStates.list(specId, contentHash), ...s.q.findingStates.carriedDismissals(specId, contentHash)]);
  }

  // Live validation results (migration 004, issue 12)

  /** Stores one validation run of a version's content; resolves to its id. */
  recordValidationRun(run: Omit<ValidationRunRecord, 'id' | 'createdAt'>): number {
    return this.run((s) => {
      specItem(s, run.specId);
      return s.q.validationRuns.add({ ...run, createdAt: nowIso() });
    });
  }
  /** The runs of this content, newest first. */
  listValidationRuns(specId: number, contentHash: string): ValidationRunRecord[] {
    return this.run((s) => s.q.validationRuns.list(specId, contentHash));
  }
}

/** Opens the store in a data folder now, so an unusable database fails here (CLI, tests). */
export function openSpecStore(dataDir: string, options?: SpecStoreOptions): SpecStore {
  const store = new SpecStore(dataDir, options);
  store.open();
  return store;
}

/** A store that opens on first use: what a HostContext builder passes, so the app starts even when the database cannot open. */
export function createSpecStore(dataDir: string, options?: SpecStoreOptions): SpecStore {
  return new SpecStore(dataDir, options);
}
