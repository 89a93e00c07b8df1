export * from './dev-api.js';
export * from './launch.js';
export * from './log-line.js';
export * from './server-launcher.js';
