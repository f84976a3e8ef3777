// Debian's Chromium driven by playwright-core (never a downloaded browser). The flags keep it
// from reaching for hosts this network refuses.
import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

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

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new Error('Chromium not found: run `apt-get install -y chromium` or set CHROMIUM_PATH');
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
