import { languageRule } from '../language-rule.js';

/** FR-7: AC text in a language without rules is reported "not checked", never passed. */
export const acLanguageNotSupported = languageRule('ac');
