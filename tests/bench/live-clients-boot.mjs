// Worker bootstrap for the live benchmark: Node 20 applies no TypeScript loader to a worker's entry,
// so the thread registers tsx itself, then loads the TypeScript clients (see server/imports/worker-boot.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./live-clients.ts');
