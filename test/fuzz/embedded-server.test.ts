import { fuzzTest } from './support/fuzz-test.js';
import { embeddedServerTarget } from './targets/embedded-server.js';

fuzzTest(embeddedServerTarget);
