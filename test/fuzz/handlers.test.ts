import { fuzzTest } from './support/fuzz-test.js';
import { handlersTarget } from './targets/handlers.js';

fuzzTest(handlersTarget);
