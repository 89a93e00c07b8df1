// Runs the CLI's real entry (runCli with the process's own stdio) and prints, as the last
// line of stdout, how long the command took and how much the peak RSS grew while it ran:
// node + tsx start-up alone takes seconds on a loaded machine, which says nothing about the
// command. Usage: node --import tsx timed-cli.ts <specbench args…>
import { processIo, runCli } from '../../../../host/cli/main.js';

const rssBeforeKb = process.resourceUsage().maxRSS;
const started = performance.now();
const code = await runCli(process.argv.slice(2), processIo);
const ms = performance.now() - started;
const rssGrowthMb = (process.resourceUsage().maxRSS - rssBeforeKb) / 1024;
process.stdout.write(`\n${JSON.stringify({ code, ms, rssGrowthMb, rssPeakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
