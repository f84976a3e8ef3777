// Worker bootstrap for runImportInWorker. Node 20 does not apply `--import tsx` (nor an inherited
// loader) to a worker thread's entry module, so the worker registers tsx itself and then loads the
// TypeScript entry. Plain JavaScript on purpose: it must run before any TypeScript loader exists.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
