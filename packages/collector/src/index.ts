export { startHark, startOptionsFromEnv, type RunningHark, type StartOptions } from './server.ts';
export { createApp } from './http/app.ts';
export { createServices, type Services } from './services.ts';
export { EmbeddedStore } from './store/embedded.ts';
export { openStore } from './store/open-store.ts';
export type { Store, Collection, CollectionSpec } from './store/port.ts';
export { loadEnv } from './config/env.ts';
