export interface ErrorCode {
  code: string;
  start: number;
  end: number;
}

/** UPPER_SNAKE codes such as TOKEN_EXPIRED; `{APP_BASE_URL}` placeholders and `$VARS` are not codes. */
const SNAKE = /(?<![\w{$])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w}])/g;
/** Single-word codes are only taken from an error field: `{"error":"FORBIDDEN"}`. */
const FIELD = /"(?:error|code|errorCode|error_code)"\s*:\s*"([A-Z][A-Z0-9_]*)"/g;

/** Error codes named in the text, in order, without repeats. */
export function errorCodesIn(text: string): ErrorCode[] {
  const found = new Map<string, ErrorCode>();
  SNAKE.lastIndex = 0;
  for (let m = SNAKE.exec(text); m; m = SNAKE.exec(text)) {
    if (!found.has(m[0])) found.set(m[0], { code: m[0], start: m.index, end: m.index + m[0].length });
  }
  FIELD.lastIndex = 0;
  for (let m = FIELD.exec(text); m; m = FIELD.exec(text)) {
    const start = m.index + m[0].length - m[1].length - 1;
    if (!found.has(m[1])) found.set(m[1], { code: m[1], start, end: start + m[1].length });
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/** Three-digit HTTP status codes written in the text ("400", "First 200, the rest 400"). */
export function statusCodesIn(text: string): string[] {
  return [...new Set([...text.matchAll(/(?<![\w.,-])([1-5]\d\d)(?![\w.,-]\d|\w)/g)].map((m) => m[1]))];
}
