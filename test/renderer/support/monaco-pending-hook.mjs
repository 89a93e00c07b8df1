// Monaco cannot run under happy-dom (its language chunks and workers need a browser). For a test
// that opens a diff view, the renderer's `monaco/setup` chunk is served as one that never finishes
// loading, as on a slow connection: the view's header and semantic summary render, the editor
// pane stays empty. Nothing else in the renderer is replaced.
const STAND_IN = 'specbench-test:monaco-pending';

export async function resolve(specifier, context, nextResolve) {
  if (/\/monaco\/setup(\.js|\.ts)?$/.test(specifier) && context.parentURL?.includes('/renderer/src/')) {
    return { url: STAND_IN, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url === STAND_IN) return { format: 'module', source: 'await new Promise(() => {});\nexport const monaco = undefined;\n', shortCircuit: true };
  return nextLoad(url, context);
}
