import { findAll, phraseRegex } from '../../text/words.js';
import { hit, type ItemRule } from '../rule.js';
import { removePhrase } from './removal.js';

export const ESCAPE_CLAUSES = phraseRegex([
  'if possible', 'where possible', 'when possible', 'as far as possible', 'as much as possible', 'to the extent possible',
  'if practical', 'where practical', 'if feasible', 'where feasible', 'when feasible', 'as appropriate', 'where appropriate',
  'if appropriate', 'when appropriate', 'as needed', 'where needed', 'if needed', 'when needed', 'as necessary', 'if necessary',
  'where necessary', 'when necessary', 'as required', 'if applicable', 'where applicable', 'when applicable', 'as applicable',
  'if desired', 'at the discretion of', 'unless otherwise', 'if time permits', 'ideally', 'possibly', 'optionally', 'maybe',
  'perhaps', 'where relevant', 'if relevant', 'if supported', 'where supported by', 'in most cases', 'in many cases',
  'in general', 'as a rule', 'unless circumstances', 'circumstances permitting', 'barring', 'where it makes sense',
  'when it makes sense', 'if it makes sense', 'if it can', 'if they can', 'where the network allows', 'where the hardware permits',
  'if the network allows', 'as far as the', 'to the extent', 'best effort', 'on a best-effort basis', 'except during',
]);

/**
 * An exact number weakened by a condition nobody defined: "under normal load", "at peak times",
 * "on typical hardware", "for normal-sized accounts", "during a traffic spike". A number after
 * the condition defines it ("at peak load of 200 requests per second"), so that is not flagged.
 */
const CONDITION_ADJECTIVES = 'normal|typical|usual|average|regular|ordinary|peak|busy|heavy|high|light|low|unusual|good|bad|poor|slow|normal-sized|moderate|reasonable|realistic|expected|short|long';
const CONDITION_NOUNS =
  'load|loads|traffic|usage|use|conditions?|operations?|times|periods?|hours|days|hardware|devices?|machines?|connections?|networks?|network conditions|accounts?|trips?|files?|documents?|volumes?|workloads?|circumstances|situations|queries|sizes?|amounts? of \\p{L}+';
export const UNDEFINED_CONDITION = new RegExp(
  `(?<![\\p{L}\\p{N}_-])(?:(?:${CONDITION_ADJECTIVES})[ -](?:${CONDITION_NOUNS})|(?:traffic|usage|load|demand) spikes?|spikes? in (?:traffic|usage|load|demand)|when the (?:\\p{L}+ )?(?:queue|system|server|network) is (?:not )?(?:busy|idle|slow|quiet))(?![\\p{L}\\p{N}_-])(?!\\s+(?:of|at|above|below|over|up to|with)\\s+\\d)`,
  'giu',
);
/** Cheap pre-tests: most criteria contain none of these words and skip the full searches. */
const MAYBE_CONDITION = new RegExp(`${CONDITION_ADJECTIVES}|spike|busy|idle|quiet`, 'i');
const MAYBE_APPROXIMATE = /roughly|approx|about|around|circa|nearly|almost|more or less|give or take|or so|thereabouts/i;

/** A bound with no tolerance: "5 seconds or so", "roughly 200 ms", "about 3 retries". */
export const APPROXIMATE = new RegExp(
  `(?<![\\p{L}\\p{N}_-])(?:(?:roughly|approximately|approx\\.?|about|around|circa|nearly|almost|more or less|give or take)\\s+(?=\\d)|or so|or thereabouts|give or take)(?![\\p{L}\\p{N}_-])`,
  'giu',
);

export const acEscapeClause: ItemRule = {
  id: 'ac/escape-clause',
  level: 'item',
  appliesTo: 'ac',
  severity: 'error',
  english: true,
  title: 'Escape clause',
  explanation:
    'Phrases such as "if possible", "where appropriate", "as needed", "in most cases" or "if feasible" let an implementation skip the behaviour and still pass, so the criterion can never fail. The same holds for an exact number under a condition nobody defined ("within 2 s under normal load", "at peak times", "on typical hardware") or with no tolerance ("5 seconds or so"). State the condition under which the behaviour is required ("If the file is larger than 10 MB, …") or drop the phrase and require it always.',
  check(item) {
    const hits = findAll(ESCAPE_CLAUSES, item.masked).map((m) =>
      hit(m.start, m.end, `"${m.text}" is an escape clause: the criterion cannot fail while it is there.`, {
        suggestion: 'Name the exact condition, or remove the phrase and require the behaviour.',
      }),
    );
    for (const m of MAYBE_CONDITION.test(item.masked) ? findAll(UNDEFINED_CONDITION, item.masked) : []) {
      hits.push(
        hit(m.start, m.end, `"${m.text}" is a condition nobody defined: a failing run can always be blamed on it.`, {
          suggestion: 'Define it with numbers ("at 200 requests per second", "on a 4-core machine with 8 GB"), or drop it.',
        }),
      );
    }
    for (const m of MAYBE_APPROXIMATE.test(item.masked) ? findAll(APPROXIMATE, item.masked) : []) {
      hits.push(hit(m.start, m.end, `"${m.text.trim()}" gives the number no tolerance: a test cannot tell pass from fail.`, { suggestion: 'State the bound: "within 5 s", "at most 200 ms".' }));
    }
    return hits.sort((a, b) => a.start - b.start);
  },
  fixes(finding, text) {
    return [{ title: `Remove "${text.slice(finding.start, finding.end)}"`, edits: [removePhrase(text, finding.start, finding.end)] }];
  },
};
