// Crash proof (DESIGN.md "Reliability and security bars"): SIGKILL the real server while N OPD
// operators save over HTTP, restart it on the same file, and check that every acknowledged write is
// there with its audit row, nothing unanswered is half-written, the rollups equal a recompute, and
// integrity_check is ok; repeated, with writes accumulating in one file.
//   npx tsx tests/bench/crash.ts [--iterations=50] [--writers=40] [--seed=20261201]
// Prints a line per iteration and a summary, writes bench-results/crash.json, exits 1 on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../server/build';
import { runCrashScenario } from '../helpers/crash-scenario';

const arg = (name: string, fallback: number) => {
  const v = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const n = v === undefined ? fallback : Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`);
  return n;
};

async function main(): Promise<void> {
  const iterations = arg('iterations', 50);
  const writers = arg('writers', 40);
  const seed = arg('seed', 20_261_201);
  const results = path.join(ROOT, 'bench-results');
  const dir = path.join(results, 'crash');
  console.log(`crash proof: ${iterations} iterations, ${writers} writers, seed ${seed}`);
  const t0 = performance.now();
  const { summary: s } = await runCrashScenario({
    iterations,
    writers,
    seed,
    dir,
    log: (l) => console.log(l),
  });
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    [
      '',
      `iterations            ${s.iterations}`,
      `writes sent           ${s.writes}`,
      `acknowledged checked  ${s.ackedChecked} (every one present with its value and audit row)`,
      `unanswered present    ${s.unknownPresent} (value + audit + change row + rollups)`,
      `unanswered absent     ${s.unknownAbsent} (none of them)`,
      `rejected              ${s.rejected}`,
      `failed iterations     ${s.failures}`,
      `took                  ${seconds.toFixed(0)} s`,
    ].join('\n'),
  );
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(
    path.join(results, 'crash.json'),
    `${JSON.stringify({ at: new Date().toISOString(), seconds: Math.round(seconds), ...s }, null, 2)}\n`,
  );
  console.log(`written ${path.join('bench-results', 'crash.json')}`);
  if (s.failures > 0) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
