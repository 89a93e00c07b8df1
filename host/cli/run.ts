import { processIo, runCli } from './main.js';

// Set the exit code rather than calling process.exit, so buffered stdout is flushed first.
process.exitCode = await runCli(process.argv.slice(2), processIo);
