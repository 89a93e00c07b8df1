import { fuzzTest } from './support/fuzz-test.js';
import { cliTarget } from './targets/cli.js';

fuzzTest(cliTarget);
