// Database commands: `migrate`, `seed` (demo data into an empty database), `reset` (delete and
// re-seed), `rebuild` (recompute every rollup from raw rows), `backup FILE` (online backup), and
// `briefing` (a meeting's briefing PDF).
// Usage: npm run db:<command> [-- --size=small|kabupaten|stress]; npm run briefing -- --meeting=ID --out=FILE
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wibParts } from '../shared/time';
import { createApp } from './app';
import { prepareDatabase } from './boot';
import { briefingFileName, meetingViewFor, pdfPageCount, renderBriefingPdf } from './briefing';
import { buildId, CLIENT_DIST, ensureClientBuild } from './build';
import { openDb } from './db/connection';
import { migrate } from './db/migrate';
import { listUsers, userById } from './db/queries/auth';
import { budgetYears, rebuildBudgetRollups } from './db/queries/budget';
import { rebuildComplaintRollups } from './db/queries/complaints';
import { appendChange } from './db/queries/freshness';
import { listMeetings, meetingById } from './db/queries/meetings';
import { rebuildOpdReports } from './db/queries/periods';
import { rebuildServiceRollups } from './db/queries/services';
import { rebuildIndexRollups } from './db/queries/spbe';
import { loadEnv } from './env';
import { bucketOf } from './kpi/histogram';
import { setting } from './settings';

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const env = loadEnv();
  const sizeArg = rest.find((a) => a.startsWith('--size='))?.slice('--size='.length);
  const size =
    sizeArg === 'small' || sizeArg === 'stress' || sizeArg === 'kabupaten' ? sizeArg : env.SEED_SIZE;
  const log = (m: string) => console.log(`[adiguna] ${m}`);
  switch (command) {
    case 'migrate': {
      const db = openDb(env.DATABASE_PATH);
      log(`applied: ${migrate(db).join(', ') || 'nothing (up to date)'}`);
      db.close();
      return;
    }
    case 'reset':
    case 'seed': {
      if (command === 'reset') {
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(env.DATABASE_PATH + suffix, { force: true });
        log(`deleted ${env.DATABASE_PATH}`);
      }
      const db = openDb(env.DATABASE_PATH);
      const r = prepareDatabase(db, {
        seed: 'demo',
        size,
        nowMs: Date.now(),
        log,
        adminPassword: env.ADMIN_PASSWORD,
      });
      if (!r.seeded) log('database already holds figures: nothing seeded (use db:reset)');
      db.close();
      return;
    }
    case 'rebuild': {
      const db = openDb(env.DATABASE_PATH);
      const year = wibParts(Date.now()).year;
      db.transaction(() => {
        for (const y of budgetYears(db)) rebuildBudgetRollups(db, y);
        rebuildIndexRollups(db);
        rebuildServiceRollups(db, bucketOf);
        rebuildComplaintRollups(db, setting(db, 'complaint.first_response_hours', year));
        rebuildOpdReports(db);
        // A running server memoises by the last change: announce the rebuild as a change.
        appendChange(db, {
          at: new Date().toISOString(),
          topic: 'system',
          year: null,
          opdId: null,
          summary: 'Rollup dibangun ulang',
        });
      })();
      log('rollups rebuilt from raw rows');
      db.close();
      return;
    }
    case 'backup': {
      const target = rest.find((a) => !a.startsWith('--'));
      if (!target) throw new Error('usage: db:backup -- FILE');
      const db = openDb(env.DATABASE_PATH);
      await db.backup(target);
      log(`online backup written to ${target}`);
      db.close();
      return;
    }
    case 'briefing': {
      const meetingArg = rest.find((a) => a.startsWith('--meeting='))?.slice('--meeting='.length);
      const out = rest.find((a) => a.startsWith('--out='))?.slice('--out='.length);
      await briefingCommand(env.DATABASE_PATH, meetingArg, out, log);
      return;
    }
    default:
      throw new Error(
        `unknown command '${command ?? ''}': migrate | seed | reset | rebuild | backup FILE | briefing [--meeting=ID] [--out=FILE]`,
      );
  }
}

/**
 * `npm run briefing -- --meeting=<id> --out=briefing.pdf`: the briefing PDF of a meeting (the newest
 * without --meeting), rendered from the app started in-process on an ephemeral loopback port. It
 * reads as the first active admin account: whoever can run this can read the database file anyway.
 */
async function briefingCommand(
  dbPath: string,
  meetingArg: string | undefined,
  out: string | undefined,
  log: (m: string) => void,
): Promise<void> {
  if (!fs.existsSync(dbPath)) throw new Error(`database ${dbPath} not found (DATABASE_PATH)`);
  if (meetingArg !== undefined && !/^[1-9]\d{0,9}$/.test(meetingArg))
    throw new Error(`--meeting=${meetingArg}: not a meeting id`);
  const db = openDb(dbPath);
  let server: Server | undefined;
  try {
    migrate(db);
    const meeting = meetingArg ? meetingById(db, Number(meetingArg)) : listMeetings(db, 1)[0];
    if (!meeting) throw new Error(meetingArg ? `no meeting ${meetingArg}` : 'no meeting in the database yet');
    const admin = listUsers(db).find((u) => u.role === 'admin' && u.active === 1);
    const user = admin ? userById(db, admin.id) : undefined;
    if (!user) throw new Error('no active admin account to read the meeting as');
    await ensureClientBuild(log);
    const { app, context } = createApp({ db, clientDir: CLIENT_DIST, buildId: buildId(), log: () => {} });
    const listening = app.listen(0, '127.0.0.1');
    server = listening;
    await new Promise<void>((resolve, reject) => {
      listening.once('listening', () => resolve());
      listening.once('error', reject);
    });
    const { port } = listening.address() as AddressInfo;
    const view = await meetingViewFor(
      context,
      { kind: 'user', user, csrfToken: '', sessionHash: '' },
      meeting.id,
    );
    log(`rendering the briefing of meeting ${meeting.id} '${meeting.title}'…`);
    const pdf = await renderBriefingPdf(`http://127.0.0.1:${port}`, view);
    const file = out ?? briefingFileName(meeting);
    fs.writeFileSync(file, pdf);
    log(`${file}: ${pdfPageCount(pdf)} pages, ${Math.round(pdf.length / 1024)} KB`);
  } finally {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    db.close();
  }
}

main().catch((err: unknown) => {
  console.error(`[adiguna] ${(err as Error).message}`);
  process.exit(1);
});
