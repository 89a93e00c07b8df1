/**
 * FR-7: which language an item is written in, so that rules written for English never pass
 * text they cannot read. Cheap on purpose (it runs on every item of every lint): the script
 * of the letters first, then common function words for the Latin-script languages. The text
 * given is masked (quoted literals and code blanked), so a Russian UI string inside an English
 * criterion does not change the verdict.
 */

/** Languages the item rules are written for. */
export const SUPPORTED_LANGUAGES: readonly string[] = ['en'];

const ENGLISH = new Set(
  'the a an is are be been was were must shall should will can may of to in on for with and or not no when then given if while where that this it they their by from as at after before has have does do each every any all only per which who into than'.split(
    ' ',
  ),
);

/** Common function words English never uses as words, by language. */
const LATIN_STOPWORDS: Record<string, readonly string[]> = {
  de: 'der die das und ist ein eine einen nicht wenn dann mit für wird werden den dem des zu sich auch'.split(' '),
  fr: 'le la les et est une un des pour avec dans que ne pas sont du au lorsque alors doit'.split(' '),
  es: 'el los las es una con para cuando entonces se del y al'.split(' '),
  it: 'il lo gli della che quando allora sono per è deve viene'.split(' '),
  pt: 'não uma com então quando deve os das dos é'.split(' '),
  nl: 'een het en wanneer dan niet wordt moet de'.split(' '),
  sv: 'och är att som inte ett när ska'.split(' '),
};
const FOREIGN = new Map<string, string>();
for (const [lang, words] of Object.entries(LATIN_STOPWORDS)) for (const w of words) if (!ENGLISH.has(w) && !FOREIGN.has(w)) FOREIGN.set(w, lang);

/** Most criteria contain one of these: then they are English and the word count is skipped. */
const QUICK_ENGLISH = /\b(?:the|is|are|must|shall|when|then|given|and|with|of|to)\b/i;

/** Scripts other than Latin, checked in this order; the first that holds most letters wins. */
const SCRIPTS: Array<[RegExp, (text: string) => string]> = [
  [/\p{Script=Cyrillic}/gu, (t) => (/[іїєґ]/iu.test(t) ? 'uk' : /[ўђћџљњ]/iu.test(t) ? 'sr' : 'ru')],
  [/\p{Script=Greek}/gu, () => 'el'],
  [/\p{Script=Arabic}/gu, () => 'ar'],
  [/\p{Script=Hebrew}/gu, () => 'he'],
  [/\p{Script=Hangul}/gu, () => 'ko'],
  [/\p{Script=Han}/gu, () => 'zh'],
  [/\p{Script=Devanagari}/gu, () => 'hi'],
  [/\p{Script=Thai}/gu, () => 'th'],
];

/**
 * The ISO 639-1 code of the language `masked` is written in: 'en' unless the letters or the
 * function words say otherwise (short or mixed text stays English, so identifiers and
 * endpoints never make an item "foreign").
 */
export function detectLanguage(masked: string): string {
  // Most items are plain ASCII: skip the per-character script count for them.
  if (/[^\x00-\x7f]/.test(masked)) {
    const letters = masked.match(/\p{L}/gu)?.length ?? 0;
    const latin = masked.match(/\p{Script=Latin}/gu)?.length ?? 0;
    if (letters > 0 && latin / letters < 0.7) {
      // Japanese writes kana and Han, Chinese only Han: any kana decides.
      if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(masked)) return 'ja';
      let best = { count: 0, lang: 'und' };
      for (const [re, name] of SCRIPTS) {
        const count = masked.match(re)?.length ?? 0;
        if (count > best.count) best = { count, lang: name(masked) };
      }
      return best.lang;
    }
  }
  if (QUICK_ENGLISH.test(masked)) return 'en';
  // Endpoints, identifiers and HTTP methods say nothing about the language.
  const prose = masked.replace(/\/\S*/g, ' ').replace(/\b[A-Z0-9_]{2,}\b/g, ' ');
  let english = 0;
  let total = 0;
  const foreign = new Map<string, number>();
  for (const m of prose.toLowerCase().matchAll(/\p{L}+/gu)) {
    total++;
    if (ENGLISH.has(m[0])) english++;
    const lang = FOREIGN.get(m[0]);
    if (lang) foreign.set(lang, (foreign.get(lang) ?? 0) + 1);
  }
  if (total < 3 || english > 0 || foreign.size === 0) return 'en';
  return [...foreign].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

export function isEnglish(masked: string): boolean {
  return detectLanguage(masked) === 'en';
}
