import { languageRule } from '../language-rule.js';

/** FR-7: FR text in a language without rules is reported "not checked", never passed. */
export const frLanguageNotSupported = languageRule('fr');
