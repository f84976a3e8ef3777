// `npm run db:restore -- FILE` refuses what it must not restore, with a clear message and a non-zero
// exit, and leaves the current database untouched: a file that is not a database, a damaged one, one
// that is not Adiguna's, one from a newer version of the code. (The restore of a sound backup, and the
// refusal while a server runs, are in backup.test.ts.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDb, openReadOnly } from '../../../server/db/connection';
import { migrate } from '../../../server/db/migrate';
import { loadReference } from '../../../server/seed/reference';
import { runCommand } from '../../helpers/cli';
import { tableHashes } from '../../helpers/durability';

let dir: string;
let target: string;
let before: string;

const hashes = (file: string) => {
  const db = openReadOnly(file);
  try {
    return JSON.stringify([...tableHashes(db)]);
  } finally {
    db.close();
  }
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adiguna-restore-'));
  target = path.join(dir, 'adiguna.db');
  const db = openDb(target);
  migrate(db);
  loadReference(db, '2026-11-23T03:00:00.000Z');
  db.close();
  before = hashes(target);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A candidate backup made from a copy of the target, changed by `change`. */
function candidate(name: string, change: (file: string) => void): string {
  const file = path.join(dir, name);
  fs.copyFileSync(target, file);
  change(file);
  return file;
}

const restore = (file: string) => runCommand('db:restore', [file], { DATABASE_PATH: target });

describe('db:restore refuses, and changes nothing', () => {
  test('a file that is not a database, one from a newer version, one that is not Adiguna’s', async () => {
    const garbage = candidate('garbage.db', (f) => fs.writeFileSync(f, Buffer.alloc(64 * 1024, 7)));
    const newer = candidate('newer.db', (f) => {
      const db = openDb(f);
      db.prepare(
        `INSERT INTO schema_migration (version, name, applied_at) VALUES (9999, '9999_future.sql', ?)`,
      ).run(new Date().toISOString());
      db.pragma('journal_mode = DELETE');
      db.close();
    });
    const foreign = path.join(dir, 'foreign.db');
    {
      const db = openDb(foreign);
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
      db.pragma('journal_mode = DELETE');
      db.close();
    }
    const [g, n, f] = await Promise.all([restore(garbage), restore(newer), restore(foreign)]);
    expect(g.code, g.output).toBe(1);
    expect(g.output).toMatch(
      /refused: .*garbage\.db is not a readable SQLite database|refused: .*garbage\.db cannot be opened/,
    );
    expect(n.code, n.output).toBe(1);
    expect(n.output).toMatch(/refused: .*newer\.db is at migration 9999, newer than this version of Adiguna/);
    expect(f.code, f.output).toBe(1);
    expect(f.output).toMatch(/refused: .*foreign\.db is not an Adiguna database \(no table schema_migration/);
    expect(hashes(target)).toBe(before);
    expect(fs.readdirSync(dir).filter((x) => x.includes('before-restore'))).toEqual([]);
  });

  test('a damaged database: integrity_check names the damage', async () => {
    const damaged = candidate('damaged.db', (f) => {
      const db = openDb(f);
      db.pragma('journal_mode = DELETE');
      // The last page of the opd table's index, overwritten with zeros.
      const root = db
        .prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_opd_1'`)
        .pluck()
        .get() as number;
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.close();
      const fd = fs.openSync(f, 'r+');
      fs.writeSync(fd, Buffer.alloc(pageSize, 0), 0, pageSize, (root - 1) * pageSize);
      fs.closeSync(fd);
    });
    const r = await restore(damaged);
    expect(r.code, r.output).toBe(1);
    expect(r.output).toMatch(
      /refused: .*damaged\.db is (damaged \(PRAGMA integrity_check: |not a readable SQLite database)/,
    );
    expect(hashes(target)).toBe(before);
  });
});
