// Shared by the wall benchmarks (wall-cold-load.ts, wall-soak.ts): arguments, statistics, Chromium.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type express from 'express';
import { type Browser, chromium } from 'playwright-core';
import { CLIENT_DIST, clientBuildIsCurrent, ensureClientBuild } from '../../server/build';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/browser';

/** `--name=value` from the command line as a number, else `def`. */
export function numArg(name: string, def: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = raw === undefined ? def : Number(raw);
  if (!Number.isFinite(n)) throw new Error(`--${name}: not a number: ${raw}`);
  return n;
}

export function strArg(name: string, def: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? def;
}

export { maxOf, median, minOf, quantile } from './stats';

/** Debian's Chromium with the project's flags (tests/helpers/browser.ts), plus `extra`. */
export async function launchBenchChromium(extra: string[] = []): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new Error('Chromium not found: run `apt-get install -y chromium` or set CHROMIUM_PATH');
  }
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...extra] });
}

export async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** "1 234,5": the Indonesian number style BENCHMARKS.md uses. */
export function id(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return '—';
  return n
    .toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    .replace(/,/g, ' ')
    .replace('.', ',');
}

/**
 * ensureClientBuild, but a failing build (someone's half-finished edit in client/) falls back to the
 * last good build in dist/client with a warning: the benchmark then measures that build, and says so.
 */
export async function clientBuildOrLast(): Promise<{ current: boolean; buildError: string | null }> {
  try {
    await ensureClientBuild((m) => console.log(m));
    return { current: clientBuildIsCurrent(), buildError: null };
  } catch (err) {
    if (!fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) throw err;
    const msg = ((err as Error).message ?? String(err)).split('\n')[0] ?? 'build failed';
    console.warn(`WARNING: the client does not build now (${msg}); measuring the last build in dist/client`);
    return { current: false, buildError: msg };
  }
}

/**
 * A private copy of dist/client for one benchmark: others rebuild the client while a benchmark
 * runs, and every cold context would otherwise load whichever build was current. index.html is
 * copied first; the hashed assets it names were published before it and are never overwritten.
 */
export function snapshotClient(into: string): { dir: string; dispose: () => void } {
  const dir = fs.mkdtempSync(path.join(into, 'client-'));
  fs.copyFileSync(path.join(CLIENT_DIST, 'index.html'), path.join(dir, 'index.html'));
  for (const entry of fs.readdirSync(CLIENT_DIST)) {
    if (entry === 'index.html' || entry.startsWith('.index-')) continue;
    fs.cpSync(path.join(CLIENT_DIST, entry), path.join(dir, entry), { recursive: true });
  }
  return { dir, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The build id as server/build.ts computes it, for a copy of the build. */
export function buildIdOf(dir: string): string {
  return createHash('sha256')
    .update(fs.readFileSync(path.join(dir, 'index.html')))
    .digest('hex')
    .slice(0, 12);
}
