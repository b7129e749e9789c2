export * from './byte-map.js';
export * from './encode-text.js';
export * from './fix-report.js';
export * from './splice-bytes.js';
export * from './write-atomically.js';
