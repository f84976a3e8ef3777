// Runs the project's commands as an operator would (npm run db:…, or the CLI directly), in their own
// process, recording every output line with the moment it arrived (performance.now()).
import { spawn } from 'node:child_process';
import { ROOT } from '../../server/build';
import { openReadOnly } from '../../server/db/connection';

export interface CommandResult {
  code: number | null;
  output: string;
  /** Each output line with performance.now() when it arrived. */
  lines: { at: number; text: string }[];
  startedAt: number;
  endedAt: number;
}

/** `npm run <script> -- args` (or any argv when `script` is an array) with DATABASE_PATH set. */
export function runCommand(
  script: string | string[],
  args: string[],
  env: Record<string, string>,
  timeoutMs = 600_000,
): Promise<CommandResult> {
  const argv = Array.isArray(script) ? script : ['npm', 'run', '--silent', script, '--', ...args];
  const [cmd, ...rest] = argv as [string, ...string[]];
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, rest, {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const lines: { at: number; text: string }[] = [];
    let partial = '';
    const onData = (d: Buffer) => {
      const at = performance.now();
      output += String(d);
      partial += String(d);
      const parts = partial.split('\n');
      partial = parts.pop() ?? '';
      for (const text of parts) lines.push({ at, text });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (partial) lines.push({ at: performance.now(), text: partial });
      resolve({ code, output, lines, startedAt, endedAt: performance.now() });
    });
  });
}

/** Seeds the small demo dataset into a new file with the real CLI (`db:seed -- --size=small`). */
export async function seedSmall(file: string): Promise<void> {
  const r = await runCommand(
    [process.execPath, '--import', 'tsx', 'server/cli.ts', 'seed', '--size=small'],
    [],
    { DATABASE_PATH: file, SEED_SIZE: 'small', ADMIN_PASSWORD: 'Admin-Uji-123456' },
  );
  if (r.code !== 0) throw new Error(`seeding ${file} failed (${r.code}):\n${r.output}`);
}

/** Copies a database without touching it (read-only connection, backup API). */
export async function copyDatabase(from: string, to: string): Promise<void> {
  const src = openReadOnly(from);
  try {
    await src.backup(to);
  } finally {
    src.close();
  }
}

/** Nearest-rank percentile of a list of numbers (NaN when empty). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}
