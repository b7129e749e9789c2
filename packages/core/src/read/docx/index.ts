export * from './render-docx.js';
