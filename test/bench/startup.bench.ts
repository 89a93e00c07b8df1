import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, startWorkbench } from '../e2e/harness.js';
import { rendererDist } from '../../host/paths.js';
import { benchCliStartup } from './cli-startup.js';

// FR-7 / AC-4: the CLI first, before Chromium competes for the CPU.
benchCliStartup();

// NFR-4: navigation → all six panes rendered in browser mode, median of 5 (target < 1.5 s).
// NFR-7: gzipped size of every emitted chunk; the entry chunk must stay ≤ 1 MB gzipped.
const bench = await startWorkbench();
const browser = await launchChromium();
const times: number[] = [];
try {
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(bench.host.url);
    await page.waitForFunction(() => document.body.dataset.panesReady === 'true' && document.querySelectorAll('section.pane .monaco-editor').length === 6);
    // performance.now() in the page counts from navigation start.
    times.push(await page.evaluate(() => performance.now()));
    await page.close();
  }
} finally {
  await browser.close();
  await bench.close();
}
times.sort((a, b) => a - b);
const median = times[2];
console.log(`start-up, navigation to six panes rendered (browser mode): median ${median.toFixed(0)} ms of 5 runs [${times.map((t) => t.toFixed(0)).join(', ')}] (target < 1500 ms: ${median < 1500 ? 'met' : 'MISSED'})`);

const assets = join(rendererDist, 'assets');
const entryName = /src="\.\/assets\/([^"]+\.js)"/.exec(readFileSync(join(rendererDist, 'index.html'), 'utf8'))?.[1];
console.log('emitted chunks (raw → gzipped):');
for (const name of readdirSync(assets).sort()) {
  const raw = readFileSync(join(assets, name));
  const gz = gzipSync(raw).length;
  const mark = name === entryName ? `  ← entry chunk (limit 1024 kB gzipped: ${gz <= 1024 * 1024 ? 'met' : 'MISSED'})` : '';
  console.log(`  ${name.padEnd(34)} ${(statSync(join(assets, name)).size / 1024).toFixed(1).padStart(8)} kB → ${(gz / 1024).toFixed(1).padStart(7)} kB${mark}`);
}
