/**
 * English rules (vague words, modals, pronouns) mean nothing in other languages and would
 * only produce noise there, so items written in another language get none of them.
 */
const ENGLISH = new Set(
  'the a an is are be been was were must shall should will can may of to in on for with and or not no when then given if while where that this it they their by from as at after before has have does do each every any all only per which who into than'.split(
    ' ',
  ),
);
/** Common function words of other Latin-script languages that English never uses as words. */
const FOREIGN = new Set(
  'der die das und ist ein eine einen nicht wenn dann mit für wird werden den dem des le la les et est une un des pour avec dans que ne pas sont el los las es una con para cuando entonces se del il lo gli della che quando allora sono per è não uma com quando então een het en wanneer dan niet wordt och är att som inte ett'.split(
    ' ',
  ),
);

/** Most criteria contain one of these: then they are English and the word count is skipped. */
const QUICK_ENGLISH = /\b(?:the|is|are|must|shall|when|then|given|and|with|of|to)\b/i;

export function isEnglish(masked: string): boolean {
  // Most items are plain ASCII: skip the per-character script count for them.
  if (/[^\x00-\x7f]/.test(masked)) {
    const letters = masked.match(/\p{L}/gu)?.length ?? 0;
    const latin = masked.match(/\p{Script=Latin}/gu)?.length ?? 0;
    if (letters > 0 && latin / letters < 0.7) return false;
  }
  if (QUICK_ENGLISH.test(masked)) return true;
  // Endpoints, identifiers and HTTP methods say nothing about the language.
  const prose = masked.replace(/\/\S*/g, ' ').replace(/\b[A-Z0-9_]{2,}\b/g, ' ');
  let english = 0;
  let foreign = 0;
  let total = 0;
  for (const m of prose.toLowerCase().matchAll(/\p{L}+/gu)) {
    total++;
    if (ENGLISH.has(m[0])) english++;
    else if (FOREIGN.has(m[0])) foreign++;
  }
  return !(total >= 3 && english === 0 && foreign > 0);
}
