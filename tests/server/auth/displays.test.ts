// Wall displays: playlists validated (shape and reference data), a display token reads its
// configuration (over HTTP and over SSE with connectionParams), and revoking reaches an open
// player at once and turns its token away.
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppRouter } from '../../../server/routers/_app';
import { makeTestDb, type TestDb } from '../../helpers/db';
import { type RunningServer, startServer } from '../../helpers/server';
import { callerAs, createUser, PASSWORD, principalFor } from '../../helpers/users';

let t: TestDb;
let server: RunningServer;
let admin: ReturnType<typeof callerAs>;

beforeAll(async () => {
  t = makeTestDb('reference');
  createUser(t, 'admin-uji', 'admin');
  server = await startServer(t, { buildId: 'build-1' });
  admin = callerAs(t, principalFor(t, 'admin-uji'), undefined, server.bus);
});
afterAll(async () => {
  await server.close();
  t.close();
});

const PLAYLIST = [
  { screen: 'ringkasan' as const, dwellS: 30 },
  { screen: 'anggaran' as const, dwellS: 20 },
  { screen: 'pilar' as const, dwellS: 15, pillar: 'GOV' as const },
];

function playerClient(token: string) {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: `${server.url}/trpc`,
          EventSource,
          connectionParams: () => ({ token }),
        }),
        false: httpBatchLink({
          url: `${server.url}/trpc`,
          headers: () => ({ authorization: `Bearer ${token}` }),
        }),
      }),
    ],
  });
}

describe('wall displays', () => {
  test('an admin creates a display and its token reads the playlist and the running build', async () => {
    const created = await admin.display.create({
      name: 'OR Graha Adiguna — kiri',
      location: 'Dinding utara',
      playlist: PLAYLIST,
    });
    expect(created.path).toBe(`/layar?t=${created.token}`);
    const config = await playerClient(created.token).display.config.query();
    expect(config).toMatchObject({
      name: 'OR Graha Adiguna — kiri',
      playlist: PLAYLIST,
      revoked: false,
      buildId: 'build-1',
    });
    expect((await admin.display.list()).map((d) => d.name)).toContain('OR Graha Adiguna — kiri');
  });

  test.each([
    [{ screen: 'ringkasan', dwellS: 5 }, 'Durasi tayang minimal 10 detik'],
    [{ screen: 'cuaca', dwellS: 30 }, 'Layar tidak dikenal'],
    [{ screen: 'pilar', dwellS: 30 }, 'Layar pilar wajib memilih pilar'],
  ])('a playlist item %o is refused: %s, and nothing is created', async (item, message) => {
    const before = (await admin.display.list()).length;
    await expect(admin.display.create({ name: 'Salah', playlist: [item as never] })).rejects.toThrow(message);
    expect((await admin.display.list()).length).toBe(before);
  });

  test('a playlist change reaches the player over SSE authenticated by its token', async () => {
    const created = await admin.display.create({ name: 'Layar rapat', playlist: PLAYLIST });
    const player = playerClient(created.token);
    const got = new Promise<{ topic: string }>((resolve, reject) => {
      const sub = player.live.changes.subscribe(undefined, {
        onStarted: () => {
          void admin.display.update({ id: created.id, name: 'Layar rapat', playlist: PLAYLIST.slice(0, 1) });
        },
        onData: (ev) => {
          if (ev.data.topic !== 'display') return;
          sub.unsubscribe();
          resolve(ev.data);
        },
        onError: reject,
      });
    });
    await expect(got).resolves.toMatchObject({ topic: 'display' });
    expect((await player.display.config.query()).playlist).toEqual(PLAYLIST.slice(0, 1));
  });

  test('a revoked display token is turned away with a clear message; a user session has no display role', async () => {
    const created = await admin.display.create({ name: 'Layar lama', playlist: PLAYLIST });
    await admin.display.revoke({ id: created.id });
    await expect(playerClient(created.token).display.config.query()).rejects.toMatchObject({
      message: 'Silakan masuk terlebih dahulu',
    });
    await expect(admin.display.config()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await admin.display.list()).find((d) => d.id === created.id)?.revoked).toBe(true);
  });
});

/** What a refused write must leave untouched: displays, tokens, audit rows and change rows. */
const counts = () => ({
  displays: t.db.prepare('SELECT COUNT(*) FROM display').pluck().get(),
  tokens: t.db.prepare('SELECT COUNT(*) FROM api_token').pluck().get(),
  audit: t.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get(),
  changes: t.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get(),
});

describe('display filters are checked against reference data', () => {
  test('pillar, OPD and service group that exist are stored as given', async () => {
    const playlist = [
      { screen: 'anggaran' as const, dwellS: 20, opdCode: 'DINKES' },
      { screen: 'layanan' as const, dwellS: 20, serviceGroup: 'adminduk' },
      { screen: 'pilar' as const, dwellS: 20, pillar: 'ENV' as const, opdCode: 'DINKOMINFO' },
    ];
    const created = await admin.display.create({ name: 'Layar saring', playlist });
    expect((await admin.display.list()).find((d) => d.id === created.id)?.playlist).toEqual(playlist);
  });

  test.each([
    [{ screen: 'anggaran', dwellS: 20, opdCode: 'XYZ' }, 'opdCode', "Tidak ada OPD dengan kode 'XYZ'"],
    [
      { screen: 'layanan', dwellS: 20, serviceGroup: 'cuaca' },
      'serviceGroup',
      "Tidak ada kelompok layanan 'cuaca'",
    ],
  ])(
    'create with %o is a BAD_REQUEST naming %s and its value, and writes nothing',
    async (item, field, message) => {
      const before = counts();
      const err = await admin.display
        .create({ name: 'Layar salah', playlist: [{ screen: 'ringkasan', dwellS: 30 }, item as never] })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'BAD_REQUEST', message });
      expect(counts()).toEqual(before);
      // The cause carries the field path the form puts the message beside.
      expect((err as { cause?: { issues?: unknown } }).cause?.issues).toEqual([
        expect.objectContaining({ path: ['playlist', 1, field], message }),
      ]);
    },
  );

  test('a pillar that is not in the framework in force is refused by name', async () => {
    const id = t.db.prepare("SELECT id FROM pillar WHERE code = 'ENV'").pluck().get() as number;
    t.db.prepare("UPDATE pillar SET code = 'ENV-LAMA' WHERE id = ?").run(id);
    try {
      const before = counts();
      await expect(
        admin.display.create({
          name: 'Layar pilar',
          playlist: [{ screen: 'pilar', dwellS: 20, pillar: 'ENV' }],
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: "Tidak ada pilar dengan kode 'ENV'" });
      expect(counts()).toEqual(before);
    } finally {
      t.db.prepare("UPDATE pillar SET code = 'ENV' WHERE id = ?").run(id);
    }
  });

  test('an update with an unknown OPD leaves the playlist as it was and publishes nothing', async () => {
    const created = await admin.display.create({ name: 'Layar tetap', playlist: PLAYLIST });
    const before = counts();
    const heard: string[] = [];
    const off = server.bus.subscribe((c) => heard.push(c.topic));
    try {
      await expect(
        admin.display.update({
          id: created.id,
          name: 'Layar diganti',
          playlist: [{ screen: 'kepatuhan', dwellS: 20, opdCode: 'BUKAN-OPD' }],
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: "Tidak ada OPD dengan kode 'BUKAN-OPD'" });
    } finally {
      off();
    }
    expect(counts()).toEqual(before);
    expect(heard).toEqual([]);
    const stored = (await admin.display.list()).find((d) => d.id === created.id);
    expect(stored).toMatchObject({ name: 'Layar tetap', playlist: PLAYLIST });
  });

  test('over HTTP the refusal carries the field error keyed by its path, in Indonesian', async () => {
    createUser(t, 'admin-http', 'admin');
    const login = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin-http', password: PASSWORD }),
    });
    const { result } = (await login.json()) as { result: { data: { csrfToken: string } } };
    const before = counts();
    const res = await fetch(`${server.url}/trpc/display.create`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: login.headers.get('set-cookie')?.split(';')[0] ?? '',
        'x-csrf-token': result.data.csrfToken,
      },
      body: JSON.stringify({
        name: 'Layar HTTP',
        playlist: [
          { screen: 'ringkasan', dwellS: 30 },
          { screen: 'kepatuhan', dwellS: 20, opdCode: 'XYZ' },
        ],
      }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(body.error.data).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { 'playlist.1.opdCode': ["Tidak ada OPD dengan kode 'XYZ'"] },
    });
    expect(body.error.message).toContain("Tidak ada OPD dengan kode 'XYZ'");
    expect(counts()).toEqual(before);
  });
});

describe('revoking a display', () => {
  test('commits a display change and publishes it after the commit', async () => {
    const created = await admin.display.create({ name: 'Layar dicabut', playlist: PLAYLIST });
    const heard: { topic: string; inTransaction: boolean; logged: unknown; revoked: unknown }[] = [];
    const off = server.bus.subscribe((c) =>
      heard.push({
        topic: c.topic,
        // Published once the transaction is over, with the change row and the revocation in it.
        inTransaction: t.db.inTransaction,
        logged: t.db.prepare('SELECT topic FROM change_log WHERE id = ?').pluck().get(c.id),
        revoked: t.db
          .prepare(
            'SELECT k.revoked_at IS NOT NULL FROM display d JOIN api_token k ON k.id = d.token_id WHERE d.id = ?',
          )
          .pluck()
          .get(created.id),
      }),
    );
    try {
      await admin.display.revoke({ id: created.id });
    } finally {
      off();
    }
    expect(heard).toEqual([{ topic: 'display', inTransaction: false, logged: 'display', revoked: 1 }]);
  });

  test('an open player hears the change over SSE and its token is refused on the re-read', async () => {
    const created = await admin.display.create({ name: 'Layar terbuka', playlist: PLAYLIST });
    const player = playerClient(created.token);
    expect((await player.display.config.query()).revoked).toBe(false);
    const got = new Promise<{ topic: string }>((resolve, reject) => {
      const sub = player.live.changes.subscribe(undefined, {
        onStarted: () => {
          void admin.display.revoke({ id: created.id });
        },
        onData: (ev) => {
          if (ev.data.topic !== 'display') return;
          sub.unsubscribe();
          resolve(ev.data);
        },
        onError: reject,
      });
    });
    await expect(got).resolves.toMatchObject({ topic: 'display', summary: `Layar ${created.id} dicabut` });
    await expect(player.display.config.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  test('a second revoke, or an edit of a revoked display, is a CONFLICT that changes nothing', async () => {
    const created = await admin.display.create({ name: 'Layar sekali', playlist: PLAYLIST });
    await admin.display.revoke({ id: created.id });
    const before = counts();
    await expect(admin.display.revoke({ id: created.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: "Layar 'Layar sekali' sudah dicabut; buat layar baru untuk menayangkan lagi",
    });
    await expect(
      admin.display.update({ id: created.id, name: 'Layar sekali', playlist: PLAYLIST.slice(0, 1) }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(counts()).toEqual(before);
  });

  test('revoking its token from the API-token list tells an open player at once too', async () => {
    const created = await admin.display.create({ name: 'Layar lewat token', playlist: PLAYLIST });
    const tokenId = t.db
      .prepare('SELECT token_id FROM display WHERE id = ?')
      .pluck()
      .get(created.id) as number;
    const heard: string[] = [];
    const off = server.bus.subscribe((c) => heard.push(c.topic));
    try {
      await admin.admin.revokeToken({ id: tokenId });
    } finally {
      off();
    }
    expect(heard).toEqual(['display']);
    await expect(playerClient(created.token).display.config.query()).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
  });

  test('an unknown display is NOT_FOUND', async () => {
    await expect(admin.display.revoke({ id: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
