// Load thread for tests/bench/mixed.ts: readers or writers over real HTTP on loopback, in their own
// thread so the server's event loop is not shared with the load. One job per message:
//   { kind: 'read', paths: [{ name, url }], concurrency, durationMs }
//   { kind: 'write', base, writers: [{ username, password, subs: [{ id, version }] }],
//     durationMs, intervalMs }
// Each answers with per-procedure latencies and every error with its status and message.
import { parentPort } from 'node:worker_threads';

const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function recorder() {
  const latencies = new Map();
  const errors = [];
  return {
    ok(name, ms) {
      const list = latencies.get(name);
      if (list) list.push(ms);
      else latencies.set(name, [ms]);
    },
    error(name, ms, status, message) {
      errors.push({ name, status, message: String(message).slice(0, 200) });
      this.ok(`${name} (failed)`, ms);
    },
    result(extra = {}) {
      return { latencies: Object.fromEntries(latencies), errors, ...extra };
    },
  };
}

async function read({ paths, concurrency, durationMs, thinkMs = 0 }) {
  const rec = recorder();
  const end = now() + durationMs;
  let bytes = 0;
  const loop = async (i) => {
    let k = i;
    while (now() < end) {
      const { name, url } = paths[k++ % paths.length];
      const t0 = now();
      try {
        const res = await fetch(url);
        const body = await res.arrayBuffer();
        bytes += body.byteLength;
        if (res.ok) rec.ok(name, now() - t0);
        else rec.error(name, now() - t0, res.status, Buffer.from(body).toString('utf8'));
      } catch (err) {
        rec.error(name, now() - t0, 0, err?.cause?.code ?? err?.message ?? err);
      }
      if (thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
    }
  };
  const started = now();
  await Promise.all(Array.from({ length: concurrency }, (_, i) => loop(i)));
  return rec.result({ seconds: (now() - started) / 1000, bytes });
}

async function login(base, username, password) {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
  return {
    cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '',
    csrf: body.result.data.csrfToken,
  };
}

async function write({ base, writers, durationMs, intervalMs }) {
  const rec = recorder();
  const acknowledged = [];
  const sessions = await Promise.all(writers.map((w) => login(base, w.username, w.password)));
  const end = now() + durationMs;
  const loop = async (w, session, index) => {
    // Spread the writers' first saves over one interval, as people do not press Save in step.
    await sleep((index / writers.length) * intervalMs);
    let n = 0;
    while (now() < end) {
      const sub = w.subs[n % w.subs.length];
      n++;
      const input = {
        subKegiatanId: sub.id,
        month: 11,
        sp2dRp: 1_000_000 + n * 1_000 + index,
        spjRp: 500_000 + n * 1_000,
        fisikPct: Math.min(100, 40 + (n % 60)),
        expectedVersion: sub.version,
      };
      const t0 = now();
      try {
        const res = await fetch(`${base}/trpc/entry.saveRealisation`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: session.cookie,
            'x-csrf-token': session.csrf,
          },
          body: JSON.stringify(input),
        });
        const body = await res.json();
        if (res.ok) {
          rec.ok('entry.saveRealisation', now() - t0);
          sub.version = body.result.data.version;
          acknowledged.push({ subKegiatanId: sub.id, sp2dRp: input.sp2dRp, version: sub.version });
        } else rec.error('entry.saveRealisation', now() - t0, res.status, body?.error?.message);
      } catch (err) {
        rec.error('entry.saveRealisation', now() - t0, 0, err?.cause?.code ?? err?.message ?? err);
      }
      await sleep(intervalMs);
    }
  };
  const started = now();
  await Promise.all(writers.map((w, i) => loop(w, sessions[i], i)));
  // The last acknowledged value per sub kegiatan: what the database must hold afterwards.
  const last = new Map();
  for (const a of acknowledged) last.set(a.subKegiatanId, a);
  return rec.result({ seconds: (now() - started) / 1000, acknowledged: [...last.values()] });
}

parentPort.on('message', async (job) => {
  try {
    parentPort.postMessage(job.kind === 'read' ? await read(job) : await write(job));
  } catch (err) {
    parentPort.postMessage({ fatal: String(err?.stack ?? err) });
  }
});
