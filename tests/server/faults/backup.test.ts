// CI version of tests/bench/backup.ts (DESIGN.md "Reliability and security bars"): an online backup
// (`npm run db:backup -- FILE`, its own process) while 40 OPD operators keep saving over HTTP, then
// `npm run db:restore -- FILE` with the server stopped, on the small demo database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BackupReport, runBackupScenario } from '../../helpers/backup-scenario';

let dir: string;
let report: BackupReport;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adiguna-backup-'));
  report = await runBackupScenario({
    dir,
    writers: 40,
    seed: 20_261_204,
    source: 'small',
    baselineMs: 2000,
    afterMs: 1000,
  });
}, 170_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('online backup while 40 writers write', () => {
  test('npm run db:backup succeeds while the server takes writes', () => {
    expect(report.backupExitCode, report.backupOutput).toBe(0);
    expect(report.backupOutput).toMatch(/online backup written to .*backup\.db/);
    expect(report.latency.duringBackupCommand.writes).toBeGreaterThan(0);
  });

  test('the backup passes integrity_check, holds every write acknowledged before it began, and is a consistent snapshot', () => {
    expect(report.ackedBeforeBackup).toBeGreaterThan(0);
    expect(report.presentInBackup).toBeGreaterThanOrEqual(report.ackedBeforeBackup);
    expect(report.problems.backup).toEqual([]);
  });

  test('the live database, stopped cleanly, holds every acknowledged write', () => {
    expect(report.problems.live).toEqual([]);
  });
});

describe('restore', () => {
  test('refuses while the server has the database open, saying why, with a non-zero exit', () => {
    expect(report.refusal.exitCode).not.toBe(0);
    expect(report.refusal.message).toMatch(
      /refused: .* is in use: .*Stop the server, then run the restore again/,
    );
  });

  test('with the server stopped, brings back exactly the backed-up rows of every table, and the server starts on it', () => {
    expect(report.restoreExitCode, report.restoreOutput).toBe(0);
    expect(report.tables).toBeGreaterThan(30);
    expect(report.problems.restore).toEqual([]);
    expect(report.restoreOutput).toMatch(/kept as .*before-restore-/);
  });
});
