// Worker-thread entry of runImportInWorker (run.ts): opens its own connection to the database
// file, runs the import pipeline, and reports progress, write-policy questions and the outcome to
// the main thread as messages.
import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../db/connection';
import { type MainMessage, runPipeline, type WorkerInput, type WorkerMessage } from './run';
import type { ValidRow } from './types';

if (!parentPort) throw new Error('server/imports/worker.ts must run as a worker thread');
const port = parentPort;
const input = workerData as WorkerInput;
const post = (m: WorkerMessage) => port.postMessage(m);

let seq = 0;
const pending = new Map<number, (reasons: (string | null)[]) => void>();
port.on('message', (m: MainMessage) => {
  if (m.type !== 'canWriteResult') return;
  pending.get(m.id)?.(m.reasons);
  pending.delete(m.id);
});

function askCanWrite(rows: ValidRow[]): Promise<(string | null)[]> {
  const id = ++seq;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    post({ type: 'canWrite', id, rows });
  });
}

async function main(): Promise<void> {
  let db: ReturnType<typeof openDb> | null = null;
  let result: WorkerMessage;
  try {
    db = openDb(input.dbPath);
    const outcome = await runPipeline(
      input.kind,
      input.file,
      db,
      {
        actor: input.actor,
        nowMs: input.nowMs,
        limits: input.limits,
        dryRun: input.dryRun,
        opdId: input.opdId,
        onProgress: (progress) => post({ type: 'progress', progress }),
      },
      input.askCanWrite ? askCanWrite : null,
    );
    result = { type: 'done', outcome };
  } catch (err) {
    result = { type: 'failed', message: err instanceof Error ? err.message : String(err) };
  } finally {
    db?.close();
  }
  post(result); // the main thread terminates this thread once it has the result
}

void main();
