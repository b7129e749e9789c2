export * from './render-skeleton.js';
