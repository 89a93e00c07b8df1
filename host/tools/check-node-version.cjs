// Runs as `preinstall`: a clear message beats a cryptic native-module or syntax error later.
// CommonJS and ES5-safe on purpose, so it can run (and fail politely) on very old Node.
var major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error('specbench requires Node.js 22 or newer; this is Node ' + process.versions.node + '. Install Node 22+ (https://nodejs.org) and run npm install again.');
  process.exit(1);
}
