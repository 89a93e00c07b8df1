/** A full email address, as anyone would recognise one in a log line. */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;
/** 64 hex characters on their own: the shape of a raw token. The server logs no hash either. */
const RAW_TOKEN = /(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])/;

/** The lines that hold a full email address, a 64-hex token, or one of the given secrets. */
export function leakingLines(lines: readonly string[], secrets: readonly string[] = []): string[] {
  return lines.filter((line) => EMAIL.test(line) || RAW_TOKEN.test(line) || secrets.some((s) => s.length > 0 && line.includes(s)));
}
