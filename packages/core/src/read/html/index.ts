export * from './html-tree.js';
export * from './table-grid.js';
export * from './rendition-writer.js';
export * from './render-html.js';
