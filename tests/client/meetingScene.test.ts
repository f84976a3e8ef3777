// Where the chair stands, resolved against a real frozen meeting: the item under the cursor (the
// first one before the start), a programme or an OPD opened inside a pillar, a programme opened
// inside an OPD, what the chair may open, and the follow-ups each scene is about.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  decidedFor,
  followUpsFor,
  itemName,
  type MeetingView,
  neighbours,
  openable,
  sceneFor,
} from '../../client/pages/meeting/room/scene';
import { makeTestDb, type TestDb } from '../helpers/db';
import { callerAs, createUser, principalFor } from '../helpers/users';

let t: TestDb;
let view: MeetingView;

beforeAll(async () => {
  t = makeTestDb({ demo: 'small', nowMs: Date.parse('2026-05-12T02:00:00.000Z') });
  createUser(t, 'sekda-scene', 'executive');
  const chair = callerAs(t, principalFor(t, 'sekda-scene'));
  const { id } = await chair.meeting.create({
    kind: 'hlm',
    title: 'HLM uji adegan',
    meetingDate: '2026-05-12',
    chair: 'Bupati',
    items: [
      { kind: 'pillar', pillarCode: 'ENV' },
      { kind: 'opd', opdCode: 'DINKES' },
    ],
    displayIds: [],
  });
  await chair.meeting.start({ id, expectedVersion: 1 });
  const env = (await chair.meeting.view({ id })).items.find((i) => i.kind === 'pillar');
  await chair.meeting.addFollowUp({
    meetingId: id,
    itemId: env?.id,
    ownerOpdCode: 'DLH',
    programmeCode: 'ENV-02',
    text: 'Laporkan lahan TPS3R',
    dueDate: '2026-05-26',
  });
  view = await chair.meeting.view({ id });
});
afterAll(() => t.close());

const item = (kind: string) => {
  const i = view.items.find((x) => x.kind === kind);
  if (!i) throw new Error(`no ${kind} item`);
  return i;
};

describe('the scene under the cursor', () => {
  test('before the start (no cursor) the room previews the first item; an unknown item is the first too', () => {
    const first = view.items[0];
    expect(sceneFor(view, null, null, 'id')).toMatchObject({ item: first });
    expect(sceneFor(view, 999_999, null, 'id')).toMatchObject({ item: first });
  });

  test('a pillar, a programme opened in it (with its budget), an OPD opened in it, an unknown focus', () => {
    const env = item('pillar');
    const pillar = view.snapshot.pillars.ENV;
    expect(sceneFor(view, env.id, null, 'id')).toMatchObject({ kind: 'pillar', pillar });
    const programme = pillar?.programmes.find((p) => p.code === 'ENV-02');
    expect(sceneFor(view, env.id, 'ENV-02', 'id')).toEqual({
      kind: 'programme',
      item: env,
      programme,
      pillar,
    });
    expect(programme?.budget.paguRp).toBeGreaterThan(0);
    expect(sceneFor(view, env.id, 'DLH', 'id')).toEqual({
      kind: 'opd',
      item: env,
      opd: view.snapshot.opds.DLH,
      pillar,
    });
    expect(sceneFor(view, env.id, 'TIDAK-ADA', 'id')).toMatchObject({ kind: 'pillar' });
  });

  test('an OPD item, and one of its programmes opened in it', () => {
    const dinkes = item('opd');
    const opd = view.snapshot.opds.DINKES;
    expect(sceneFor(view, dinkes.id, null, 'id')).toEqual({ kind: 'opd', item: dinkes, opd, pillar: null });
    const programme = opd?.programmes[0];
    if (!programme) throw new Error('DINKES coordinates no programme');
    expect(sceneFor(view, dinkes.id, programme.code, 'id')).toMatchObject({
      kind: 'programme',
      programme: { code: programme.code },
    });
  });

  test('neighbours at either end of the agenda', () => {
    const [a, b] = [view.items[0], view.items[view.items.length - 1]];
    expect(neighbours(view.items, a?.id ?? null).prev).toBeNull();
    expect(neighbours(view.items, b?.id ?? null).next).toBeNull();
    expect(neighbours(view.items, a?.id ?? null).next).toBe(view.items[1]);
  });
});

describe('what the chair may open, and what each scene reviews', () => {
  test('inside a pillar: its programmes and, once each, the OPDs behind them; nothing inside the follow-ups', () => {
    const env = item('pillar');
    const { programmes, opds } = openable(view.snapshot, env);
    const pillar = view.snapshot.pillars.ENV;
    expect(programmes.map((p) => p.code)).toEqual(pillar?.programmes.map((p) => p.code));
    expect(opds.map((o) => o.code).sort()).toEqual(
      [...new Set(pillar?.programmes.map((p) => p.opdCode))].sort(),
    );
    const carried = view.items.find((i) => i.kind === 'followups');
    if (carried) expect(openable(view.snapshot, carried)).toEqual({ programmes: [], opds: [] });
  });

  test('the follow-ups of a scene: about its pillar, its programme, owned by its OPD; and those decided under it', () => {
    const env = item('pillar');
    const pillarScene = sceneFor(view, env.id, null, 'id');
    for (const f of followUpsFor(view.snapshot, pillarScene)) expect(f.pillarCode).toBe('ENV');
    const decided = view.decided.followUps.items;
    expect(decidedFor(decided, pillarScene).map((f) => f.text)).toEqual(['Laporkan lahan TPS3R']);
    const programmeScene = sceneFor(view, env.id, 'ENV-02', 'id');
    expect(decidedFor(decided, programmeScene).map((f) => f.text)).toEqual(['Laporkan lahan TPS3R']);
    expect(decidedFor(decided, sceneFor(view, item('opd').id, null, 'id'))).toEqual([]);
  });

  test('item names in both languages', () => {
    expect(itemName(item('pillar'), view.snapshot, 'id')).toBe('Smart Environment');
    expect(itemName(item('opd'), view.snapshot, 'en')).toBe('Dinkes');
    const carried = view.items.find((i) => i.kind === 'followups');
    if (carried) {
      expect(itemName(carried, view.snapshot, 'id')).toBe('Tindak lanjut rapat sebelumnya');
      expect(itemName(carried, view.snapshot, 'en')).toBe('Follow-ups from earlier meetings');
    }
  });
});
