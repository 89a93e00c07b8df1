const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}\u200D\uFE0E\uFE0F\u20E3\u{E0020}-\u{E007F}]/gu;
// Path separators, characters Windows forbids, and control characters.
const FORBIDDEN_RUN = /\s*(?:[/\\:*?"<>|\u0000-\u001F\u007F]\s*)+/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_BYTES = 200;

/**
 * A file name that is safe on Windows, macOS and Linux, for exporting a spec: path separators
 * and reserved characters become "-" (" - " where spaced), emoji are dropped, dots and spaces are trimmed from the
 * ends, reserved device names are suffixed, and the name is cut to 200 UTF-8 bytes without
 * splitting a character. The content of the spec is never touched by this.
 */
export function sanitizeFileName(name: string, fallback: string): string {
  const ext = /\.(md|markdown)$/i.exec(name)?.[0] ?? '.md';
  let stem = name.slice(0, name.length - (/\.(md|markdown)$/i.test(name) ? ext.length : 0));
  stem = stem
    .normalize('NFC')
    .replace(EMOJI, '')
    .replace(/\s+/g, ' ')
    // "a/b" reads as "a-b"; "a: b" or "a | b" as "a - b".
    .replace(FORBIDDEN_RUN, (run) => (/\s/.test(run) ? ' - ' : '-'))
    .replace(/-{2,}/g, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '');
  if (WINDOWS_RESERVED.test(stem)) stem = `${stem}-spec`;
  stem = cutToBytes(stem, MAX_BYTES - utf8Length(ext)).replace(/[\s.-]+$/g, '');
  return `${stem || fallback}${ext}`;
}

/** UTF-8 byte length without Buffer or TextEncoder (core runs without Node and DOM types). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function cutToBytes(text: string, max: number): string {
  if (utf8Length(text) <= max) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = utf8Length(ch);
    if (used + size > max) break;
    out += ch;
    used += size;
  }
  return out;
}
