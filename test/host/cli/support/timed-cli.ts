// Runs the CLI's real entry (runCli with the process's own stdio) and prints, as the last
// line of stdout, how long the command took: node + tsx start-up alone takes seconds on a
// loaded machine, which says nothing about the command. (Memory is measured on the bundled CLI
// as a whole process instead: see report-max-rss.mjs.) Usage: node --import tsx timed-cli.ts <specbench args…>
import { processIo, runCli } from '../../../../host/cli/main.js';

const started = performance.now();
const code = await runCli(process.argv.slice(2), processIo);
const ms = performance.now() - started;
process.stdout.write(`\n${JSON.stringify({ code, ms })}\n`);
