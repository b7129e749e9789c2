export * from './langium-only-update-handler.js';
export * from './nianbao-language-server.js';
export * from './routing-connection.js';
export * from './server-modules.js';
