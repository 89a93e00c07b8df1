export type DecodeResult =
  | { ok: true; text: string; bom: boolean }
  | { ok: false; offset: number; message: string };

/**
 * Strict UTF-8 decoding that reports where the first bad byte is. TextDecoder's fatal mode
 * rejects bad input too but cannot say where, and a user fixing a file needs the offset.
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const units: number[] = [];
  let out = '';
  let i = bom ? 3 : 0;
  const fail = (offset: number): DecodeResult => ({
    ok: false,
    offset,
    message: `not valid UTF-8: bad byte 0x${bytes[offset]?.toString(16).padStart(2, '0') ?? '??'} at byte offset ${offset}`,
  });
  while (i < bytes.length) {
    const b0 = bytes[i];
    let cp: number;
    let size: number;
    if (b0 < 0x80) {
      cp = b0;
      size = 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      size = 2;
      cp = b0 & 0x1f;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      size = 3;
      cp = b0 & 0x0f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      size = 4;
      cp = b0 & 0x07;
    } else {
      return fail(i);
    }
    for (let k = 1; k < size; k++) {
      const b = bytes[i + k];
      // The offset reported is where the broken sequence starts: the byte an editor should show.
      if (b === undefined || (b & 0xc0) !== 0x80) return fail(i);
      cp = (cp << 6) | (b & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid even when well-shaped.
    if ((size === 3 && cp < 0x800) || (size === 4 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff)) {
      return fail(i);
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      units.push(cp);
    }
    if (units.length >= 8192) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
    i += size;
  }
  out += String.fromCharCode(...units);
  return { ok: true, text: out, bom };
}

/** UTF-8 encoding, with the byte-order mark the file was read with. */
export function encodeUtf8(text: string, bom = false): Uint8Array {
  const bytes: number[] = bom ? [0xef, 0xbb, 0xbf] : [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(bytes);
}

export const MAX_SPEC_BYTES = 5 * 1024 * 1024;

/** The message for a file over the import limit, in MB with one decimal. */
export function tooLargeMessage(byteLength: number): string {
  return `file too large (${(byteLength / (1024 * 1024)).toFixed(1)} MB, limit 5 MB)`;
}

/**
 * The UTF-16 index of the first surrogate that has no partner, or -1. Such text has no UTF-8
 * form: encoding it writes ED A0 80-style bytes that every strict reader (ours included) then
 * refuses, so a save must stop before it rather than produce a file it cannot reopen.
 */
export function loneSurrogateIndex(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

/** The refusal for text with a lone surrogate, naming where it is (line, column and offset). */
export function loneSurrogateMessage(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - (before.lastIndexOf('\n') + 1) + 1;
  const unit = text.charCodeAt(index).toString(16).toUpperCase();
  return `text cannot be saved as UTF-8: lone surrogate U+${unit} at character offset ${index} (line ${line}, column ${column})`;
}
