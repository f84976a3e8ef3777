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

/**
 * A read-only connection to an existing file (backups being checked, tests' verifications): it can
 * neither change the file nor create one where none exists.
 */
export function openReadOnly(file: string): Db {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/**
 * Takes the database away from every other process: exclusive locking mode and an immediate
 * exclusive lock (no busy wait), kept until the connection closes. Every open connection of a WAL
 * database holds a lock on the file, so this fails with SQLITE_BUSY while a server (or a CLI
 * command) has it open, even idle; the kernel drops a process's locks when it dies, so a server
 * killed with SIGKILL leaves nothing stale behind, unlike a pid file. Used by `db:restore`.
 */
export function openExclusive(file: string): Db {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
