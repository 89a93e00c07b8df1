import type { TextEdit } from '../rule.js';

/**
 * The edit that deletes a phrase together with the comma or space that joins it to the
 * sentence, so "retried, etc." becomes "retried." and "uploads if possible." "uploads.".
 */
export function removePhrase(text: string, start: number, end: number): TextEdit {
  let from = start;
  let to = end;
  if (text[to] === '.' && /etc$/i.test(text.slice(start, end))) to++;
  const before = /[ \t]*,?[ \t]*$/.exec(text.slice(0, from))![0];
  if (before.length > 0 && from - before.length > 0) from -= before.length;
  else if (text[to] === ',' || text[to] === ' ') to += /^,?[ \t]*/.exec(text.slice(to))![0].length;
  return { start: from, end: to, newText: '' };
}
