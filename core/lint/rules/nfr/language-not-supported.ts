import { languageRule } from '../language-rule.js';

/** FR-7: NFR text in a language without rules is reported "not checked", never passed. */
export const nfrLanguageNotSupported = languageRule('nfr');
