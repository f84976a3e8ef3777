// Debian's Chromium driven by playwright-core (never a downloaded browser): the same executable
// and flags as the server's PDF briefings, from server/chromium.ts.
export { CHROMIUM_ARGS, chromiumPath, launchChromium } from '../../server/chromium';
