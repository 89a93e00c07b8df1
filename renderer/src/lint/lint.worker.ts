/// <reference lib="webworker" />
import { createLintCache, lintSpec, resolveLintConfig, type LintConfigInput, type LintReport } from '../../../core/lint/index.js';
import { parseSpec } from '../../../core/markdown/parse.js';

export interface LintRequest {
  id: number;
  text: string;
  /** Settings from the .specbench.json next to the file; {} for the defaults. */
  config: LintConfigInput;
}

export interface LintResponse {
  id: number;
  report: LintReport;
  /** Milliseconds spent parsing and linting, for the status bar. */
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
  const report = lintSpec(parseSpec(event.data.text), { cache, config });
  const response: LintResponse = { id: event.data.id, report, ms: performance.now() - started };
  (self as unknown as Worker).postMessage(response);
};
