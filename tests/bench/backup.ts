// Backup proof (DESIGN.md "Reliability and security bars"): an online backup with
// `npm run db:backup -- FILE` while N OPD operators keep saving over HTTP, checked (integrity,
// every write acknowledged before it started, a consistent snapshot, rollups), then restored with
// `npm run db:restore -- FILE` (server stopped) and compared table by table; reports how long the
// backup took and the write latency p50/p99 during the backup against without.
//   npx tsx tests/bench/backup.ts [--size=kabupaten|small] [--writers=40] [--baseline=15] [--after=5]
// kabupaten copies bench-results/kabupaten.db (never modifies it). Writes bench-results/backup.json;
// exits 1 on any failed check.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../server/build';
import { runBackupScenario } from '../helpers/backup-scenario';

const opt = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const num = (name: string, fallback: number) => {
  const v = opt(name);
  const n = v === undefined ? fallback : Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`);
  return n;
};

async function main(): Promise<void> {
  const size = opt('size') ?? 'kabupaten';
  if (size !== 'kabupaten' && size !== 'small') throw new Error('--size must be kabupaten or small');
  const results = path.join(ROOT, 'bench-results');
  const source = size === 'small' ? 'small' : path.join(results, 'kabupaten.db');
  if (source !== 'small' && !fs.existsSync(source))
    throw new Error(`${source} not found: run npm run bench -- --sizes=kabupaten first`);
  const writers = num('writers', 40);
  const r = await runBackupScenario({
    dir: path.join(results, `backup-${size}`),
    writers,
    seed: num('seed', 20_261_202),
    source,
    baselineMs: num('baseline', 15) * 1000,
    afterMs: num('after', 5) * 1000,
    log: (l) => console.log(l),
  });
  const l = r.latency;
  const row = (
    name: string,
    s: { writes: number; p50Ms: number; p99Ms: number; perSecond: number } | null,
  ) =>
    s
      ? `${name.padEnd(28)} ${String(s.writes).padStart(6)} ${String(s.p50Ms).padStart(8)} ${String(s.p99Ms).padStart(8)} ${String(s.perSecond).padStart(8)}`
      : `${name}: n/a`;
  const failed = Object.values(r.problems).flat();
  console.log(
    [
      '',
      `database ${size}: ${(r.databaseBytes / 1024 / 1024).toFixed(1)} MB; backup ${(r.backupBytes / 1024 / 1024).toFixed(1)} MB`,
      `npm run db:backup: ${(r.commandMs / 1000).toFixed(1)} s in all, copy step ${r.copyMs === null ? 'n/a' : `${(r.copyMs / 1000).toFixed(1)} s`} (exit ${r.backupExitCode})`,
      `npm run db:restore: ${(r.restoreMs / 1000).toFixed(1)} s (exit ${r.restoreExitCode}); refused while serving: exit ${r.refusal.exitCode}`,
      `writes ${r.writes}; acknowledged before the backup ${r.ackedBeforeBackup}, all in it; in the backup ${r.presentInBackup}`,
      `tables compared after restore: ${r.tables}`,
      '',
      `${'write latency (ms)'.padEnd(28)} ${'writes'.padStart(6)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} ${'per s'.padStart(8)}`,
      row('without backup', l.withoutBackup),
      row('during the backup command', l.duringBackupCommand),
      row('during the copy step', l.duringCopy),
      '',
      failed.length === 0
        ? 'all checks passed'
        : `${failed.length} PROBLEMS:\n  ${failed.slice(0, 30).join('\n  ')}`,
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(results, 'backup.json'),
    `${JSON.stringify({ at: new Date().toISOString(), size, writers, ...r }, null, 2)}\n`,
  );
  console.log(`written ${path.join('bench-results', 'backup.json')}`);
  if (failed.length > 0) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
