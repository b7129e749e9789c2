export * from './server-settings.js';
