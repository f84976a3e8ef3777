// Debian's Chromium driven by playwright-core (never a downloaded browser), in one place for the
// server's PDF briefings and the browser tests. CHROMIUM_PATH overrides where it is looked for.
// The flags keep it from reaching for hosts this network refuses.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to launch: CHROMIUM_PATH when set (and present), else the first Debian candidate. */
export function chromiumPath(): string | null {
  const override = process.env.CHROMIUM_PATH;
  if (override) return fs.existsSync(override) ? override : null;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export class ChromiumMissingError extends Error {}

/** What to tell an operator when there is no Chromium to launch. */
export function chromiumMissingMessage(): string {
  const override = process.env.CHROMIUM_PATH;
  return override
    ? `Chromium tidak ditemukan di CHROMIUM_PATH=${override}; perbaiki CHROMIUM_PATH atau pasang Chromium`
    : 'Chromium tidak ditemukan: pasang dengan `apt-get install -y chromium` atau setel CHROMIUM_PATH ke berkas Chromium/Chrome';
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new ChromiumMissingError(chromiumMissingMessage());
  // Loaded on first use: a server that never prints a briefing never loads the driver.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
