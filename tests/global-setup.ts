// Runs once before the suites: the browser tests load the built client, so build it if stale.
import { ensureClientBuild } from '../server/build';

export default async function setup(): Promise<void> {
  await ensureClientBuild((m) => console.log(`[global-setup] ${m}`));
}
