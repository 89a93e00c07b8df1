/** Function words: never what a sentence is about. */
const STOP = new Set(
  `a an the and or but nor of to in on at by for with from as is are be been being was were will shall must should may might can could
  has have had do does did not no than then that this these those it its they them their there here when whenever while where if once given
  after before since until ago old earlier later more less over under within between into onto per each every all any some one two three
  first last same other another new such only also just very still already yet so up down out about again via its who whom whose which what
  both either neither least most exactly at than whether our your his her we you i me my`.split(/\s+/),
);

/**
 * Words too general to tell two statements apart: every spec has a system, a user, a request
 * and a response, so sharing them does not make two numbers "the same quantity".
 */
const GENERIC = new Set(
  `system service api app application server client user users customer account request response status body data value
  time endpoint call created creation passed sent send sends return returns returned set sets get post put patch delete valid invalid
  code error field header treat make makes exist exists row table log warn info expire expires expired expiry expiration ttl lifetime
  last lasts latency percentile timeout limit limited rate maximum max minimum min rolling window accept accepts allow allows reply
  replies respond responds answer answers receive receives measured included including keep keeps kept store stores stored hold holds
  use uses using new existing same whole number count counts total given when then treat after`.split(/\s+/),
);

const WORD = /[\p{L}][\p{L}\p{N}_'’]*/gu;
/** The same words in ASCII text, where a Unicode-class regex costs several times more. */
const ASCII_WORD = /[A-Za-z][A-Za-z0-9_'’]*/g;
const NON_ASCII = /[^\x00-\x7f]/;

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/**
 * What a stretch of text is about, as a set of lower-cased singular words: "login links"
 * and "a login link" share {login, link}; `auth_token` stays one word, distinct from "token".
 */
export function contentWords(text: string, extraStop?: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const re = NON_ASCII.test(text) ? WORD : ASCII_WORD;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0].toLowerCase().replace(/['’]s$/, '');
    if (word.length < 2 || STOP.has(word)) continue;
    const one = singular(word);
    if (GENERIC.has(word) || GENERIC.has(one) || extraStop?.has(one)) continue;
    out.add(one);
  }
  return out;
}

export function shareAny(a: Iterable<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}
