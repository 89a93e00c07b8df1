import { capped } from './places.js';
import type { SpecRule } from '../rule.js';
import { codeIndex } from './code-index.js';

export const crossErrorCodeAlias: SpecRule = {
  id: 'cross/error-code-alias',
  level: 'spec',
  severity: 'warning',
  english: false,
  title: 'Two error codes for one scenario',
  explanation:
    'A criterion expects one code (`seat_cap_hit`) and the edge-case table or a requirement defines another (`plan_seats_full`) for what reads as the same scenario: the implementation can satisfy only one of them. Two codes are taken as aliases when the criterion\'s code is defined nowhere, the other code is exercised by no criterion, they share a word or an error status, and a word of one code appears in the other\'s scenario ("plan" in "a workspace whose plan has no seats left"). Pick one code and use it in both places.',
  check(spec) {
    return codeIndex(spec).aliases.map(({ expected, defined, evidence }) => ({
      message: `${expected.labels.join(', ')} expect${expected.labels.length === 1 ? 's' : ''} ${expected.code} but ${defined.labels.join(', ')} name${defined.labels.length === 1 ? 's' : ''} ${defined.code} for what reads as the same scenario (shared: ${evidence.join(', ')}).`,
      places: capped([...expected.places, ...defined.places]),
      suggestion: `Use one code: rename ${expected.code} or ${defined.code} so both places agree.`,
    }));
  },
};
