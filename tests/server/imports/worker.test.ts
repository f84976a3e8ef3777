// runImportInWorker: the import runs in a worker thread with its own connection to the same SQLite
// file, reports progress by phase, asks the main thread's canWrite for every row, and its commit
// is visible to the main connection. The event loop keeps turning while it works.
import { afterAll, afterEach, beforeEach, expect, test } from 'vitest';
import { type ImportProgress, importActor, runImportInWorker } from '../../../server/imports';
import { callerFor, makeTestDb, type TestDb } from '../../helpers/db';
import { snapshot, tempDir, writeCsv } from './files';

const tmp = tempDir('worker');
afterAll(() => tmp.remove());

let t: TestDb;
beforeEach(() => {
  t = makeTestDb('handcheck');
});
afterEach(() => t.close());

function layananFile(n: number) {
  const rows = [['ID Sumber', 'Kode Layanan', 'Kode Kecamatan', 'Waktu Pengajuan', 'Waktu Selesai']];
  for (let i = 1; i <= n; i++) {
    const day = String(1 + (i % 14)).padStart(2, '0');
    rows.push([
      `W-${i}`,
      i % 3 ? 'KK' : 'KTP-EL',
      'PADAMARA',
      `${day}/10/2025 08.00`,
      `${day}/10/2025 11.30`,
    ]);
  }
  return writeCsv(tmp.file(`worker-${n}.csv`), rows);
}

test('a 12 000-row file is imported in a worker thread, with progress, and the main connection sees it', async () => {
  const file = layananFile(12_000);
  const before = (await callerFor(t).dashboard.overview()).services.submitted;
  const progress: ImportProgress[] = [];
  let asked = 0;
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 5);
  const out = await runImportInWorker(file, 'layanan', {
    dbPath: t.file,
    actor: importActor(null, file.name),
    nowMs: t.nowMs,
    canWrite: (kind, row) => {
      asked++;
      expect(kind).toBe('layanan');
      expect(row.kind).toBe('layanan');
      return null;
    },
    onProgress: (p) => progress.push(p),
  });
  clearInterval(ticker);
  expect(out).toMatchObject({ errors: [], rows: 12_000, valid: 12_000, written: 12_000, unchanged: 0 });
  expect(out.changeIds).toHaveLength(1);
  expect(asked).toBe(12_000);
  expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(['parse', 'validate', 'check', 'write']));
  expect(progress.at(-1)).toEqual({ phase: 'write', done: 12_000, total: 12_000 });
  expect(ticks).toBeGreaterThan(0); // the main thread was free while the worker ran
  expect((await callerFor(t).dashboard.overview()).services.submitted).toBe(before + 12_000);
  expect(t.db.prepare('SELECT MAX(id) FROM change_log').pluck().get()).toBe(out.changeIds[0]);
});

test('a refusal from the main thread’s canWrite reaches the worker, and nothing is written', async () => {
  const file = layananFile(30);
  const before = snapshot(t.db);
  const out = await runImportInWorker(file, 'layanan', {
    dbPath: t.file,
    actor: importActor(null, file.name),
    nowMs: t.nowMs,
    canWrite: (_k, row) => (row.row === 7 ? 'Layanan ini bukan milik OPD Anda' : null),
  });
  expect(out.errors).toEqual([
    { row: 7, column: 'Kode Layanan', message: 'Layanan ini bukan milik OPD Anda' },
  ]);
  expect(out.written).toBe(0);
  expect(snapshot(t.db)).toEqual(before);
});

test('a dry run validates in the worker and writes nothing', async () => {
  const file = layananFile(50);
  const before = snapshot(t.db);
  const out = await runImportInWorker(file, 'layanan', {
    dbPath: t.file,
    actor: importActor(null, file.name),
    nowMs: t.nowMs,
    dryRun: true,
  });
  expect(out).toMatchObject({ errors: [], rows: 50, valid: 50, written: 0 });
  expect(snapshot(t.db)).toEqual(before);
});

test('a worker that cannot open its database rejects instead of hanging', async () => {
  const file = layananFile(1);
  await expect(
    runImportInWorker(file, 'layanan', {
      dbPath: tmp.file('no/such/dir/\0bad.db'),
      actor: importActor(null, file.name),
      nowMs: t.nowMs,
    }),
  ).rejects.toThrow(/Impor gagal/);
});
