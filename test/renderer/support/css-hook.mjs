// Node cannot evaluate the stylesheets Vite bundles: a component's `import './x.css'` loads as an empty module.
export async function load(url, context, nextLoad) {
  if (url.endsWith('.css')) return { format: 'module', source: '', shortCircuit: true };
  return nextLoad(url, context);
}
