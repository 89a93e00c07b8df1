// Preloaded with `node --import` by lazy-commands.test.ts: records the URL of every module the
// process resolves and writes them, one per line, to $TRACE_LOADS_OUT when the process exits.
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const seen = new Set();
registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    seen.add(result.url);
    return result;
  },
});
process.on('exit', () => writeFileSync(process.env.TRACE_LOADS_OUT, [...seen].join('\n')));
