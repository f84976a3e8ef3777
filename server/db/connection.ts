// The one place that opens SQLite. Every pragma here is a reliability decision; see DESIGN.md.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export function openDb(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  // WAL lets wall-screen reads proceed while an OPD write commits.
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode never corrupts; a power cut may lose the last commits, a process kill loses none.
  db.pragma('synchronous = NORMAL');
  // Referential integrity is enforced by the database, not hoped for in code.
  db.pragma('foreign_keys = ON');
  // A second process (CLI backup, migration) waits instead of failing with SQLITE_BUSY.
  db.pragma('busy_timeout = 5000');
  // Keep hot rollup pages in memory: 64 MiB page cache, temp tables in RAM.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  return db;
}
