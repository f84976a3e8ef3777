// Wall displays: playlists validated, a display token reads its configuration (over HTTP and over
// SSE with connectionParams), and a revoked token is turned away.
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppRouter } from '../../../server/routers/_app';
import { makeTestDb, type TestDb } from '../../helpers/db';
import { type RunningServer, startServer } from '../../helpers/server';
import { callerAs, createUser, principalFor } from '../../helpers/users';

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
