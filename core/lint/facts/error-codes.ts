export interface ErrorCode {
  code: string;
  start: number;
  end: number;
}

/** UPPER_SNAKE codes such as TOKEN_EXPIRED; `{APP_BASE_URL}` placeholders and `$VARS` are not codes. */
const SNAKE = /(?<![\w{$])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w}])/g;
/** Codes of any case taken from an error field: `{"error":"FORBIDDEN"}`, `{"code": "seat_cap_hit"}`. */
const FIELD = /"(?:error|code|errorCode|error_code|reason)"\s*:\s*"([A-Za-z][A-Za-z0-9_.-]*)"/g;
const LOWER = '[a-z][a-z0-9]*(?:_[a-z0-9]+)+';
/**
 * lower_snake codes only where the text says they are codes, because `created_at` and
 * `token_hash` are column names: right after an error status ("409 conflict_detected",
 * "403 with `seat_cap_hit`"), after "error"/"code" ("error code `plan_seats_full`"), or as a
 * table cell of its own (an edge-case row's body column: "`seat_cap_hit`").
 */
const LOWER_AFTER_STATUS = new RegExp(`\\b[45]\\d\\d\\b[\\s\`'"(]*(?:(?:with|and)\\s+)?(?:(?:an?\\s+)?(?:error|code|error code)\\s*(?:of|is|=|:)?\\s*)?[\`'"]?(${LOWER})(?![\\w])`, 'g');
const LOWER_AFTER_WORD = new RegExp(`\\b(?:error|code|reason)(?:[ _]code)?\\s*(?:of|is|=|:)?\\s*[\`'"]?(${LOWER})(?![\\w])`, 'gi');
const LOWER_CELL = new RegExp(`^\\s*\`(${LOWER})\`\\s*$`, 'gm');

/** Error codes named in the text, in order, without repeats. */
export function errorCodesIn(text: string): ErrorCode[] {
  const found = new Map<string, ErrorCode>();
  const note = (code: string, start: number) => {
    if (!found.has(code)) found.set(code, { code, start, end: start + code.length });
  };
  SNAKE.lastIndex = 0;
  for (let m = SNAKE.exec(text); m; m = SNAKE.exec(text)) note(m[0], m.index);
  for (const re of [FIELD, LOWER_AFTER_STATUS, LOWER_AFTER_WORD, LOWER_CELL]) {
    if (re !== FIELD && !/[a-z]_[a-z0-9]/.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) note(m[1], m.index + m[0].lastIndexOf(m[1]));
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/** Three-digit HTTP status codes written in the text ("400", "First 200, the rest 400"). */
export function statusCodesIn(text: string): string[] {
  return [...new Set([...text.matchAll(/(?<![\w.,-])([1-5]\d\d)(?![\w.,-]\d|\w)/g)].map((m) => m[1]))];
}

/** Lower-case words that may follow a status without making it a count ("409 with …", "429 too many …"). */
const AFTER_STATUS = new Set(['with', 'and', 'or', 'if', 'when', 'for', 'error', 'response', 'status', 'because', 'instead', 'on', 'in', 'plus', 'too', 'code', 'is', 'as', 'but', 'then', 'to']);

/**
 * Error statuses (4xx, 5xx) a text expects. A number followed by a noun is a count, not a
 * status ("500 requests per 10 minutes", "400 characters"), so it is left out.
 */
export function errorStatusesIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\w.,-])([45]\d\d)(?![\w.,-]\d|\w)/g)) {
    // Two or more spaces are a masked literal ("409 `rotation_pending`"): a code, so a status.
    const next = /^ ?([a-z][a-z-]*)/.exec(text.slice((m.index ?? 0) + 3, (m.index ?? 0) + 40).replace(/^\s(?=\S)/, ' '));
    if (next && !AFTER_STATUS.has(next[1]) && !/_/.test(text.slice((m.index ?? 0) + 3 + next[0].length, (m.index ?? 0) + 4 + next[0].length))) continue;
    out.add(m[1]);
  }
  return [...out];
}
