// Finds the built client and builds it when it is missing or older than its sources, so that
// `npm start` on a fresh clone needs no separate build step. The build id changes with each build.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLIENT_DIST = path.join(ROOT, 'dist', 'client');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const m = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (m > newest) newest = m;
  }
  return newest;
}

export function clientBuildIsCurrent(): boolean {
  const index = path.join(CLIENT_DIST, 'index.html');
  if (!fs.existsSync(index)) return false;
  const built = fs.statSync(index).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'client')),
    newestMtime(path.join(ROOT, 'shared')),
    fs.statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs,
  );
  return built >= sources;
}

/** Copies a fresh build over dist/client: new hashed assets first, index.html (naming them) last. */
function publishBuild(from: string): void {
  fs.mkdirSync(CLIENT_DIST, { recursive: true });
  const entries = fs.readdirSync(from, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name === 'index.html') continue;
    fs.cpSync(path.join(from, entry.name), path.join(CLIENT_DIST, entry.name), {
      recursive: true,
      force: true,
    });
  }
  const tmpIndex = path.join(CLIENT_DIST, `.index-${process.pid}.html`);
  fs.copyFileSync(path.join(from, 'index.html'), tmpIndex);
  fs.renameSync(tmpIndex, path.join(CLIENT_DIST, 'index.html'));
}

/**
 * Builds the client when it is stale. The build goes to a private directory and is then copied
 * over dist/client with index.html renamed in last, so a server (or a parallel test run) reading
 * dist/client never finds a missing asset or a half-written page. Older hashed assets stay until
 * the next clean build: a page still open on the old build can load its lazy chunks.
 */
export async function ensureClientBuild(log: (msg: string) => void = () => {}): Promise<void> {
  if (clientBuildIsCurrent()) return;
  log('building the client (vite build)…');
  const { build } = await import('vite');
  fs.mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
  const outDir = fs.mkdtempSync(path.join(ROOT, 'dist', `.build-${process.pid}-`));
  // Always the production bundle: under Vitest NODE_ENV is 'test', which would otherwise ship
  // React's development build (regression: 160 KB instead of 97 KB gzip).
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    publishBuild(outDir);
  } finally {
    process.env.NODE_ENV = previous;
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** Content hash of the built index.html (it names every hashed asset): changes with each build. */
export function buildId(): string {
  const index = path.join(CLIENT_DIST, 'index.html');
  if (!fs.existsSync(index)) return 'unbuilt';
  return createHash('sha256').update(fs.readFileSync(index)).digest('hex').slice(0, 12);
}
