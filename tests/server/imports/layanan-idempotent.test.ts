// Service records re-imported by ID Sumber: the same file twice writes nothing new, a record that
// was open and now has a completion time is completed (leaving the backlog), and the rollups the
// import touched equal a rebuild from the raw records.
import { afterAll, afterEach, beforeEach, expect, test } from 'vitest';
import { rebuildServiceRollups } from '../../../server/db/queries/services';
import { importActor, importFile } from '../../../server/imports';
import { bucketOf } from '../../../server/kpi/histogram';
import { callerFor, makeTestDb, type TestDb } from '../../helpers/db';
import { snapshot, tempDir, writeCsv } from './files';

const tmp = tempDir('idem');
afterAll(() => tmp.remove());

let t: TestDb;
beforeEach(() => {
  t = makeTestDb('handcheck');
});
afterEach(() => t.close());

const header = ['ID Sumber', 'Kode Layanan', 'Kode Kecamatan', 'Waktu Pengajuan', 'Waktu Selesai'];
const first = [
  header,
  ['S-1', 'KK', 'BUKATEJA', '06/10/2025 08.00', ''],
  ['S-2', 'PBG', 'REMBANG', '06/10/2025 09.00', '07/10/2025 10.00'],
];
const second = [
  header,
  ['S-1', 'KK', 'BUKATEJA', '06/10/2025 08.00', '06/10/2025 15.30'], // now completed
  ['S-2', 'PBG', 'REMBANG', '06/10/2025 09.00', '07/10/2025 10.00'], // unchanged
  ['S-3', 'AK1', 'KUTASARI', '08/10/2025 10.00', ''], // new
];

const run = (name: string, rows: string[][]) => {
  const file = writeCsv(tmp.file(name), rows);
  return importFile('layanan', file, t.db, { actor: importActor(null, name), nowMs: t.nowMs });
};

const serviceRollups = () =>
  [
    t.db.prepare('SELECT * FROM service_month_rollup ORDER BY period, service_id').all(),
    t.db.prepare('SELECT * FROM service_kecamatan_rollup ORDER BY kecamatan_id, period').all(),
    t.db.prepare('SELECT * FROM service_open_rollup WHERE open <> 0 ORDER BY service_id, day').all(),
  ] as const;

test('the same file imported twice writes nothing the second time', async () => {
  expect(await run('first.csv', first)).toMatchObject({ errors: [], written: 2, unchanged: 0 });
  const before = snapshot(t.db);
  const again = await run('first.csv', first);
  expect(again).toMatchObject({ errors: [], written: 0, unchanged: 2, changeIds: [] });
  expect(snapshot(t.db)).toEqual(before);
});

test('a record that was open and is now completed is completed, and the rollups equal a rebuild', async () => {
  await run('first.csv', first);
  const backlogBefore = (await callerFor(t).dashboard.overview()).services.backlog;
  const out = await run('second.csv', second);
  expect(out).toMatchObject({ errors: [], written: 2, unchanged: 1 });
  expect(out.changeIds).toHaveLength(1);
  const s1 = t.db
    .prepare(
      "SELECT completed_ms AS c, duration_min AS d, on_time AS ok FROM service_record WHERE source_id = 'S-1'",
    )
    .get();
  expect(s1).toEqual({ c: Date.parse('2025-10-06T08:30:00Z'), d: 450, ok: 1 });
  // S-1 left the backlog, S-3 joined it.
  expect((await callerFor(t).dashboard.overview()).services.backlog).toBe(backlogBefore);
  expect(t.db.prepare("SELECT COUNT(*) FROM service_record WHERE source = 'import'").pluck().get()).toBe(3);
  const incremental = serviceRollups();
  rebuildServiceRollups(t.db, bucketOf);
  expect(serviceRollups()).toEqual(incremental);
});

test('a completion earlier than the submission already stored is a row error, and nothing is written', async () => {
  await run('first.csv', first);
  const before = snapshot(t.db);
  const out = await run('bad.csv', [
    header,
    ['S-1', 'KK', 'BUKATEJA', '01/10/2025 08.00', '05/10/2025 08.00'],
  ]);
  expect(out.errors).toEqual([
    {
      row: 2,
      column: 'Waktu Selesai',
      message: 'Waktu selesai lebih awal daripada waktu pengajuan yang sudah tercatat',
    },
  ]);
  expect(snapshot(t.db)).toEqual(before);
});
