// Entry of a tagger worker thread: the collector runs its TypeScript through tsx,
// and a worker thread does not inherit the main thread's loader.
import { register } from 'tsx/esm/api';

register();
await import('./tagger-thread.ts');
