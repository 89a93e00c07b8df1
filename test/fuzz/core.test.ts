import { fuzzTest } from './support/fuzz-test.js';
import { linterTarget, parserTarget } from './targets/core.js';

fuzzTest(parserTarget);
fuzzTest(linterTarget);
