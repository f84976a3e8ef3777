// Screenshots of every wall screen at the room's sizes, for a person to look at (not a test):
//   npx tsx tests/e2e/screenshots.ts [--out screenshots] [--sizes 1920x1080,3840x2160,5120x1440] [screen …]
// Starts the real server with the built client on a `small` demo database with a frozen clock,
// opens each screen in Debian's Chromium, waits until every chart has painted, and writes PNGs.
import fs from 'node:fs';
import path from 'node:path';
import { ensureClientBuild } from '../../server/build';
import { launchChromium } from '../helpers/browser';
import { makeTestDb } from '../helpers/db';
import { startServer } from '../helpers/server';

const NOW = Date.parse('2026-11-23T03:00:00.000Z');
const DEFAULT_SCREENS = ['ringkasan', 'anggaran', 'layanan', 'spbe', 'kepatuhan', 'pilar/GOV', 'pilar/ENV'];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const out = path.resolve(arg('out') ?? 'screenshots');
  const sizes = (arg('sizes') ?? '1920x1080,3840x2160,5120x1440').split(',').map((s) => {
    const [w, h] = s.split('x').map(Number);
    if (!w || !h) throw new Error(`bad size ${s}`);
    return { w, h };
  });
  const flags = new Set(['--out', '--sizes']);
  const screens = process.argv
    .slice(2)
    .filter((a, i, all) => !a.startsWith('--') && !flags.has(all[i - 1] ?? ''));
  fs.mkdirSync(out, { recursive: true });
  await ensureClientBuild((m) => console.log(m));
  const t = makeTestDb({ demo: 'small', nowMs: NOW });
  const server = await startServer(t, { client: true });
  const browser = await launchChromium();
  try {
    for (const screen of screens.length > 0 ? screens : DEFAULT_SCREENS) {
      for (const { w, h } of sizes) {
        const context = await browser.newContext({
          viewport: { width: w, height: h },
          locale: 'id-ID',
          timezoneId: 'Asia/Jakarta',
        });
        const page = await context.newPage();
        page.on('pageerror', (e) => console.error(`${screen} ${w}x${h}: ${e.message}`));
        await page.goto(`${server.url}/wall/${screen}`);
        await page.waitForSelector('[data-state="ready"]', { timeout: 30_000 });
        await page
          .waitForFunction(
            () =>
              [...document.querySelectorAll('[data-testid^="chart-"]')].every(
                (c) => c.getAttribute('data-painted') === 'true',
              ),
            undefined,
            { timeout: 20_000 },
          )
          .catch(() => console.error(`${screen} ${w}x${h}: some chart did not paint`));
        const file = path.join(out, `${screen.replace('/', '-')}-${w}x${h}.png`);
        await page.screenshot({ path: file });
        console.log(file);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    t.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
