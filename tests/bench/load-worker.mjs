// Load generator in its own thread so the server's event loop is not shared with the client.
// Long-lived: each message { url, concurrency, durationMs } runs `concurrency` keep-alive loops
// fetching `url` for `durationMs` and answers with counts and latencies.
import { parentPort } from 'node:worker_threads';

async function run({ url, concurrency, durationMs }) {
  const latencies = [];
  let ok = 0;
  let errors = 0;
  let bytes = 0;
  const end = performance.now() + durationMs;
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const res = await fetch(url);
        const body = await res.arrayBuffer();
        if (res.ok) {
          ok++;
          bytes += body.byteLength;
        } else errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? null;
  return { ok, errors, bytes, rps: ok / elapsed, p50: q(0.5), p99: q(0.99) };
}

parentPort.on('message', async (job) => {
  parentPort.postMessage(await run(job));
});
