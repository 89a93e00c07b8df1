import { benchCliStartup } from './cli-startup.js';

benchCliStartup();
