// What ships, checked without `npm audit` (its advisory endpoint cannot be reached from here):
// every dependency pinned to an exact version and installed at that version, the lockfile agreeing,
// every package integrity-checked, install scripts only where package.json approves them, and no
// package of the tree below the first version that fixed an advisory known for it (the floors
// below, with the reason; the README's audit note lists the same).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = path.resolve('.');
interface Manifest {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  overrides?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}
interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  optional?: boolean;
  link?: boolean;
  hasInstallScript?: boolean;
  dependencies?: Record<string, string>;
}
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};
const entries = Object.entries(lock.packages).filter(([k]) => k !== '');
const nameOf = (key: string) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
/** Packages that end up in production: not dev-only. */
const shipped = entries.filter(([, e]) => !e.dev);

const EXACT = /^\d+\.\d+\.\d+$/;

function cmp(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10));
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10));
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/**
 * Known advisories for packages in this tree: each version line must be at or above the release
 * that fixed it. `line` limits a floor to one major (an old major kept by a dependency).
 */
const FLOORS: { name: string; line?: number; fixed: string; why: string }[] = [
  {
    name: 'express',
    fixed: '5.0.1',
    why: 'CVE-2024-47178 open redirect / CVE-2024-43796 XSS in res.redirect',
  },
  { name: 'body-parser', fixed: '2.0.2', why: 'CVE-2024-45590 DoS with url-encoded bodies' },
  { name: 'path-to-regexp', line: 8, fixed: '8.0.0', why: 'CVE-2024-45296 ReDoS (0.1.x/6.x lines)' },
  { name: 'send', line: 1, fixed: '1.1.0', why: 'CVE-2024-43799 template injection' },
  { name: 'serve-static', line: 2, fixed: '2.1.0', why: 'CVE-2024-43800 template injection' },
  {
    name: 'cookie',
    line: 0,
    fixed: '0.7.0',
    why: 'CVE-2024-47764 out-of-bounds characters in cookie name/path',
  },
  { name: 'qs', line: 6, fixed: '6.14.1', why: 'arrayLimit bypass DoS (2025)' },
  {
    name: '@trpc/server',
    line: 11,
    fixed: '11.8.0',
    why: 'GHSA-43p4-m455-4f4j prototype pollution in form-data handling',
  },
  { name: 'debug', line: 4, fixed: '4.4.3', why: 'debug@4.4.2 was a malicious publish (September 2025)' },
  {
    name: 'tar-fs',
    line: 2,
    fixed: '2.1.4',
    why: 'CVE-2025-48387 / CVE-2025-59343 path traversal (install-time, prebuild-install)',
  },
  { name: 'tmp', fixed: '0.2.4', why: 'CVE-2025-54798 symlink write outside tmpdir' },
  { name: 'jszip', fixed: '3.8.0', why: 'CVE-2022-48285 path traversal in loadAsync (exceljs)' },
  { name: 'fstream', fixed: '1.0.12', why: 'CVE-2019-13173 hardlink overwrite (exceljs → unzipper)' },
  { name: 'unzipper', fixed: '0.8.13', why: 'zip slip (exceljs)' },
  { name: 'minimatch', line: 3, fixed: '3.0.5', why: 'CVE-2022-3517 ReDoS' },
  { name: 'brace-expansion', line: 1, fixed: '1.1.12', why: 'CVE-2025-5889 ReDoS' },
  { name: 'brace-expansion', line: 2, fixed: '2.0.2', why: 'CVE-2025-5889 ReDoS' },
  { name: 'nanoid', line: 3, fixed: '3.3.8', why: 'CVE-2024-55565 predictable output for non-integer sizes' },
  { name: 'postcss', fixed: '8.4.31', why: 'CVE-2023-44270 line-return parsing' },
  { name: 'semver', line: 7, fixed: '7.5.2', why: 'CVE-2022-25883 ReDoS' },
  { name: 'minimist', fixed: '1.2.6', why: 'CVE-2021-44906 prototype pollution' },
  { name: 'ini', fixed: '1.3.6', why: 'CVE-2020-7788 prototype pollution' },
  { name: 'esbuild', fixed: '0.25.0', why: 'GHSA-67mh-4wv8-2f99 dev server answers any origin' },
  {
    name: 'vite',
    line: 8,
    fixed: '8.0.0',
    why: 'the 5.x–7.x dev-server fs.deny bypasses (dev only; production serves dist/)',
  },
  {
    name: 'playwright-core',
    fixed: '1.55.1',
    why: 'GHSA-7mvr-c777-76hp browser download without TLS checks (we never download)',
  },
  {
    name: 'uuid',
    fixed: '14.0.0',
    why: 'the advisory on uuid 8 that exceljs pulls in: overridden (package.json overrides)',
  },
  { name: 'zod', fixed: '3.22.3', why: 'CVE-2023-4316 ReDoS in email()' },
  { name: 'papaparse', fixed: '5.2.0', why: 'CVE-2020-36649 ReDoS' },
];

/** Packages the project must not use (STACK.md): known advisories without a fixed release here. */
const BANNED = ['xlsx', 'argon2', 'event-stream', 'flatmap-stream', 'node-ipc', 'request'];

describe('dependencies', () => {
  test('every dependency, dev dependency and override is pinned to an exact version', () => {
    const all = { ...pkg.dependencies, ...pkg.devDependencies, ...(pkg.overrides ?? {}) };
    const loose = Object.entries(all).filter(([, v]) => !EXACT.test(v));
    expect(loose).toEqual([]);
  });

  test('the lockfile and node_modules hold exactly the pinned versions', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect([name, lock.packages[`node_modules/${name}`]?.version]).toEqual([name, version]);
      const installed = path.join(ROOT, 'node_modules', name, 'package.json');
      if (fs.existsSync(installed))
        expect([
          name,
          (JSON.parse(fs.readFileSync(installed, 'utf8')) as { version: string }).version,
        ]).toEqual([name, version]);
    }
    for (const [name, version] of Object.entries(pkg.overrides ?? {}))
      for (const [key, e] of entries)
        if (nameOf(key) === name) expect([key, e.version]).toEqual([key, version]);
  });

  test('every package of the tree is integrity-checked (sha512) and, where recorded, fetched over HTTPS', () => {
    const unchecked = entries
      .filter(([, e]) => !e.link)
      .filter(
        ([, e]) =>
          !e.integrity?.startsWith('sha512-') ||
          (e.resolved !== undefined && !e.resolved.startsWith('https://')),
      )
      .map(([k]) => k);
    expect(unchecked).toEqual([]);
  });

  test('install scripts run only for the packages package.json approves, and each approval is used', () => {
    const withScripts = entries.filter(([, e]) => e.hasInstallScript).map(([k]) => nameOf(k));
    const approved = Object.entries(pkg.allowScripts ?? {})
      .filter(([, ok]) => ok)
      .map(([n]) => n);
    expect([...new Set(withScripts)].sort()).toEqual(approved.sort());
  });

  test('no shipped package is below the release that fixed a known advisory', () => {
    const below: string[] = [];
    for (const [key, e] of entries) {
      const name = nameOf(key);
      if (!e.version) continue;
      const major = Number.parseInt(e.version, 10);
      for (const f of FLOORS)
        if (f.name === name && (f.line === undefined || f.line === major) && cmp(e.version, f.fixed) < 0)
          below.push(`${key}@${e.version} < ${f.fixed}: ${f.why}`);
    }
    expect(below).toEqual([]);
    // Each floor names a package that is really in the tree (a stale floor is noise).
    const names = new Set(entries.map(([k]) => nameOf(k)));
    expect(FLOORS.filter((f) => !names.has(f.name)).map((f) => f.name)).toEqual([]);
  });

  test('no banned package is anywhere in the tree', () => {
    const found = entries.map(([k]) => nameOf(k)).filter((n) => BANNED.includes(n));
    expect(found).toEqual([]);
  });

  test('what ships: the production tree is the dependencies and what they pull in, nothing dev-only', () => {
    const prod = new Set(shipped.map(([k]) => nameOf(k)));
    for (const name of Object.keys(pkg.dependencies)) expect(prod.has(name)).toBe(true);
    for (const name of ['vitest', '@biomejs/biome', 'lighthouse', 'fast-check', 'eventsource']) {
      const e = lock.packages[`node_modules/${name}`];
      if (e && !(pkg.dependencies as Record<string, string>)[name])
        expect([name, e.dev]).toEqual([name, true]);
    }
  });
});
