// What a meeting freezes for the OPDs it reviews: an OPD on the agenda and every OPD behind an
// agenda pillar's programmes (the chair opens them inside the pillar), each with the same serapan
// and S-curve budget.absorption gives for that OPD, and its programmes with the same budget slice
// the pillar view shows for them. And a wall in two running meetings started the same instant
// always follows the same one (the newer).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256 } from '../../server/auth/session';
import { tokenByHash } from '../../server/db/queries/auth';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';
import { callerAs, createUser, principalFor } from '../helpers/users';

const NOW = Date.parse('2026-05-12T03:00:00.000Z');

let t: TestDb;
let chair: ReturnType<typeof callerAs>;

beforeAll(() => {
  t = makeTestDb({ demo: 'small', nowMs: NOW });
  createUser(t, 'sekda-snap', 'executive');
  chair = callerAs(t, principalFor(t, 'sekda-snap'));
});
afterAll(() => t.close());

describe('the OPD reviews a meeting freezes', () => {
  test('an agenda OPD and every OPD behind an agenda pillar, each as budget.absorption sees it', async () => {
    const { id } = await chair.meeting.create({
      kind: 'rakor_pok',
      title: 'Rakor POK TW II',
      meetingDate: '2026-05-12',
      chair: 'Sekda',
      items: [
        { kind: 'pillar', pillarCode: 'ENV' },
        { kind: 'opd', opdCode: 'DINKES' },
      ],
      displayIds: [],
    });
    await chair.meeting.start({ id, expectedVersion: 1 });
    const { snapshot, frozen } = await chair.meeting.view({ id });
    expect(frozen).toBe(true);
    const env = snapshot.pillars.ENV;
    if (!env) throw new Error('ENV not in the snapshot');
    const behind = [...new Set(env.programmes.map((p) => p.opdCode))];
    expect(behind.length).toBeGreaterThan(0);
    expect(Object.keys(snapshot.opds).sort()).toEqual([...new Set(['DINKES', ...behind])].sort());

    const open = callerFor(t);
    for (const code of Object.keys(snapshot.opds)) {
      const review = snapshot.opds[code];
      const absorption = await open.budget.absorption({ year: 2026, asOf: '2026-05-12', opdCode: code });
      expect(review?.budget).toEqual({ stage: absorption.stage, ...absorption.focus });
      // Each programme the OPD coordinates, with the serapan of the sub kegiatan behind it.
      const all = await open.masterplan.programmes({ year: 2026, asOf: '2026-05-12' });
      expect(review?.programmes.map((p) => p.code).sort()).toEqual(
        all.programmes
          .filter((p) => p.opdCode === code)
          .map((p) => p.code)
          .sort(),
      );
    }
    // The same programme carries the same budget slice in the OPD review as in the pillar view.
    for (const p of env.programmes) {
      const inOpd = snapshot.opds[p.opdCode]?.programmes.find((q) => q.code === p.code);
      expect(inOpd?.budget).toEqual(p.budget);
    }
  });
});

describe('the meeting a wall follows', () => {
  test('two running meetings with the same wall, started the same instant: the newer, every time', async () => {
    createUser(t, 'admin-snap', 'admin');
    const admin = callerAs(t, principalFor(t, 'admin-snap'));
    const d = await admin.display.create({
      name: 'Layar ruang rapat',
      playlist: [{ screen: 'ringkasan', dwellS: 30 }],
    });
    const token = tokenByHash(t.db, sha256(d.token));
    if (!token) throw new Error('display token not stored');
    const wall = callerAs(t, { kind: 'token', token });
    const ids: number[] = [];
    for (const title of ['Rapat pertama', 'Rapat kedua']) {
      const { id } = await chair.meeting.create({
        kind: 'lainnya',
        title,
        meetingDate: '2026-05-12',
        chair: 'Sekda',
        items: [{ kind: 'pillar', pillarCode: 'GOV' }],
        displayIds: [d.id],
      });
      await chair.meeting.start({ id, expectedVersion: 1 });
      ids.push(id);
    }
    // The clock is frozen: both started at the same instant.
    const started = t.db.prepare('SELECT DISTINCT started_at FROM meeting WHERE id IN (?, ?)').all(...ids);
    expect(started).toHaveLength(1);
    for (let n = 0; n < 3; n++) expect((await wall.display.config()).meeting?.id).toBe(ids[1]);
    await chair.meeting.close({ id: ids[1] ?? 0, expectedVersion: 2 });
    expect((await wall.display.config()).meeting?.id).toBe(ids[0]);
  });
});
