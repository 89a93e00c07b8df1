import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CONFIG_FILE_NAME, parseLintConfig, type LintConfigInput } from '../../core/lint/config/config.js';
import { HostError } from '../common/host-error.js';
import { decodeUtf8 } from '../../core/markdown/utf8.js';
import { readRegularFile } from '../files/read-limited.js';

const MAX_CONFIG_BYTES = 1024 * 1024;

/** The `.specbench.json` in the spec's folder, or null (FR-9: "next to the spec"). */
export async function findLintConfig(specPath: string): Promise<string | null> {
  const candidate = join(dirname(specPath), CONFIG_FILE_NAME);
  const info = await stat(candidate).catch(() => null);
  return info?.isFile() ? candidate : null;
}

/**
 * Reads and validates a config file. Throws `LintConfigError` (file, line, key) for bad
 * content and `HostError` when the file cannot be read. `shownAs` is the name used in
 * messages, e.g. the path as the user typed it.
 */
export async function loadLintConfig(path: string, shownAs = path): Promise<LintConfigInput> {
  const read = await readRegularFile(path, MAX_CONFIG_BYTES, shownAs);
  if (!read.ok) throw new HostError('FILE_TOO_LARGE', `${shownAs}: a lint config is at most 1 MB`);
  const decoded = decodeUtf8(read.bytes);
  if (!decoded.ok) throw new HostError('INVALID_UTF8', `${shownAs}: ${decoded.message}`);
  return parseLintConfig(decoded.text, shownAs);
}
