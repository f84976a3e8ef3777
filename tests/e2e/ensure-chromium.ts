// pretest: browser tests need Debian's Chromium. Installs it when running as root, otherwise stops
// with the exact command to run. Honours CHROMIUM_PATH for other systems.
import { execFileSync } from 'node:child_process';
import { chromiumPath } from '../helpers/browser';

if (chromiumPath()) process.exit(0);
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  process.exit(1);
}
if (process.getuid?.() !== 0) {
  console.error(
    'Browser tests need Chromium. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to a Chromium/Chrome binary)',
  );
  process.exit(1);
}
console.log('Installing Debian chromium for the browser tests…');
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
});
if (!chromiumPath()) {
  console.error('apt-get finished but /usr/bin/chromium is still missing.');
  process.exit(1);
}
