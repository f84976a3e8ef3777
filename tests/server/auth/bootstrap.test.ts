// The first admin account: from ADMIN_PASSWORD, or a random password printed once.
import { verify } from '@node-rs/argon2';
import { afterEach, describe, expect, test } from 'vitest';
import { ensureFirstAdmin } from '../../../server/boot';
import { userByName } from '../../../server/db/queries/auth';
import { makeTestDb, type TestDb } from '../../helpers/db';

let t: TestDb | undefined;
afterEach(() => t?.close());

describe('first admin', () => {
  test('ADMIN_PASSWORD becomes the password of account admin, and a second start creates nothing', async () => {
    t = makeTestDb('reference');
    const lines: string[] = [];
    ensureFirstAdmin(t.db, t.nowMs, 'Rahasia-Dinkominfo-2026', (m) => lines.push(m));
    const admin = userByName(t.db, 'admin');
    expect(admin).toMatchObject({ role: 'admin', opdCode: 'DINKOMINFO' });
    expect(await verify(admin?.passwordHash ?? '', 'Rahasia-Dinkominfo-2026')).toBe(true);
    expect(lines.join('\n')).not.toContain('Rahasia-Dinkominfo-2026');
    ensureFirstAdmin(t.db, t.nowMs, undefined, (m) => lines.push(m));
    expect(t.db.prepare(`SELECT COUNT(*) FROM app_user WHERE role = 'admin'`).pluck().get()).toBe(1);
    expect(lines).toHaveLength(1);
  });

  test('without ADMIN_PASSWORD a random password is printed once and works', async () => {
    t = makeTestDb('reference');
    const lines: string[] = [];
    ensureFirstAdmin(t.db, t.nowMs, undefined, (m) => lines.push(m));
    const printed = /password \(shown once.*\): (\S+)$/.exec(lines[0] ?? '')?.[1] ?? '';
    expect(printed.length).toBeGreaterThanOrEqual(12);
    expect(await verify(userByName(t.db, 'admin')?.passwordHash ?? '', printed)).toBe(true);
  });

  test('a weak ADMIN_PASSWORD stops the start with a message naming the rule', () => {
    t = makeTestDb('reference');
    expect(() => ensureFirstAdmin(t?.db as never, 0, 'pendek', () => {})).toThrow(
      /ADMIN_PASSWORD: Kata sandi minimal 12 karakter/,
    );
  });
});
