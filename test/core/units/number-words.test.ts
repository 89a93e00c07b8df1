import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNumberWords, parseOrdinalDigits, timesWord } from '../../../core/units/number-words.js';
import { wordQuantitiesIn } from '../../../core/lint/facts/word-quantities.js';
import { ordinalLimitsIn, retrySchedulesIn } from '../../../core/lint/facts/schedule-facts.js';

test('numbers written as words, cardinal and ordinal', () => {
  assert.deepEqual(parseNumberWords('forty-eight'), { value: 48, ordinal: false });
  assert.deepEqual(parseNumberWords('one hundred and twenty'), { value: 120, ordinal: false });
  assert.deepEqual(parseNumberWords('a hundred'), { value: 100, ordinal: false });
  assert.deepEqual(parseNumberWords('fifty-first'), { value: 51, ordinal: true });
  assert.equal(parseNumberWords('second'), null, 'alone, "second" is a unit');
  assert.equal(parseNumberWords('three and four'), null, '"and" joins only after a scale');
  assert.equal(parseOrdinalDigits('1,001st'), 1001);
  assert.equal(timesWord('twice'), 2);
});

test('quantities in words normalise like digits; "one second" is one second', () => {
  const q = wordQuantitiesIn('Invites expire after forty-eight hours or one second, a three-day window.');
  assert.deepEqual(q.map((x) => [x.value, x.dimension]), [[172800, 'duration'], [1, 'duration'], [259200, 'duration']]);
  assert.deepEqual(wordQuantitiesIn('one of the tenants'), []);
});

test('a refused ordinal request is a limit; a retry schedule has an interval and a count', () => {
  assert.deepEqual(ordinalLimitsIn('Given 50 calls in the last 10 minutes, when the 51st request is sent, then 429.').map((o) => [o.count, o.window]), [[50, 600]]);
  assert.deepEqual(ordinalLimitsIn('When the 51st request is sent, then 200.'), [], 'not refused, not a limit');
  assert.deepEqual(retrySchedulesIn('Deliveries are retried every 30 s up to 4 times.').map((r) => [r.interval, r.count]), [[30, 4]]);
  assert.deepEqual(retrySchedulesIn('It is retried every minute, three times.').map((r) => [r.interval, r.count]), [[60, 3]]);
  assert.deepEqual(retrySchedulesIn('Retries twice at 5-minute intervals.').map((r) => [r.interval, r.count]), [[300, 2]]);
  assert.deepEqual(retrySchedulesIn('The job runs every hour.'), [], 'no retry, no schedule');
});
