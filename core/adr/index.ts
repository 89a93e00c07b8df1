export * from './model.js';
export * from './file-name.js';
export { parseAdr } from './parse.js';
export { serializeAdr, withLink } from './serialize.js';
export { renderAdr, linkLabel, mapHeading } from './render.js';
export * from './log.js';
export * from './digest.js';
