/// <reference lib="webworker" />
import { createLintCache, lintSpec, resolveLintConfig, type LintConfigInput, type LintReport } from '../../../core/lint/index.js';
import type { SpecDocument } from '../../../core/spec/model.js';

export interface LintRequest {
  id: number;
  /**
   * The document the store parsed (plain data, structured-cloned): the text is parsed once per
   * edit, on the main thread, and the worker only lints.
   */
  doc: SpecDocument;
  /** Settings from the .specbench.json next to the file; {} for the defaults. */
  config: LintConfigInput;
}

export interface LintResponse {
  id: number;
  report: LintReport;
  /** Milliseconds spent linting, for the status bar. */
  ms: number;
}

// One cache per worker (one open document): only items whose text changed are linted again.
const cache = createLintCache();
let configKey = '';
let config = resolveLintConfig();

self.onmessage = (event: MessageEvent<LintRequest>) => {
  const started = performance.now();
  const key = JSON.stringify(event.data.config);
  if (key !== configKey) {
    configKey = key;
    config = resolveLintConfig(event.data.config);
  }
  const report = lintSpec(event.data.doc, { cache, config });
  const response: LintResponse = { id: event.data.id, report, ms: performance.now() - started };
  (self as unknown as Worker).postMessage(response);
};
