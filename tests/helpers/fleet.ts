// A fleet of HTTP writers for the fault tests (crash, backup): N OPD operators, each signed in over
// real HTTP (auth.login, the session cookie, the x-csrf-token header), each writing its own OPD's
// figures through the normal tRPC mutations: budget realisation, programme progress, service
// records and complaints. Every write carries a unique, checkable value (the realisation's SP2D
// amount, the progress's kendala text, the record's source id) and lands in the fleet's log as
// acknowledged (a 2xx answer), rejected (any other answer) or unknown (no answer: the server died
// with the request in flight, so it may or may not have committed).
import http from 'node:http';
import type { Db } from '../../server/db/connection';
import { userByName } from '../../server/db/queries/auth';
import { Rng } from '../../server/seed/random';
import { monthKey, wibParts } from '../../shared/time';
import { createUser, PASSWORD } from './users';

export type WriteKind = 'realisation' | 'progress' | 'service' | 'complaint';
export type Outcome = 'pending' | 'ack' | 'rejected' | 'unknown';

/** What one operator writes: its own OPD's sub kegiatan, programmes and services. */
export interface WriterPlan {
  index: number;
  username: string;
  userId: number;
  opdId: number;
  opdCode: string;
  subKegiatan: number[];
  programmes: number[];
  services: { id: number; code: string }[];
}

export interface FleetSetup {
  plans: WriterPlan[];
  /** The budget year and month written (the current WIB month: always open for operators). */
  year: number;
  month: number;
  /** The masterplan period written ('YYYY-MM', the same month). */
  period: string;
  kecamatan: { id: number; code: string }[];
  channels: string[];
  topics: string[];
  categories: string[];
}

export interface WriteRecord {
  /** Unique in the run: the checkable values are made from it. */
  seq: number;
  writer: number;
  userId: number;
  kind: WriteKind;
  /** The audit entity_id of the figure for realisation/progress ('sub:month', 'programme:period'); the source id otherwise. */
  key: string;
  /** The unique value to look for: SP2D amount (as text), kendala, or source id. */
  token: string;
  input: Record<string, unknown>;
  /** performance.now() when the request was sent and when its answer (or error) came. */
  sentAt: number;
  doneAt: number | null;
  outcome: Outcome;
  status: number | null;
  error: string | null;
}

/** The version a realisation/progress figure stands at (null: no row yet), keyed by kind|key. */
export type Versions = Map<string, number | null>;

export const figureKey = (kind: WriteKind, key: string) => `${kind}|${key}`;

/** Base of the realisation SP2D amounts written (Rp5 miliar + seq): unique and far from demo figures. */
const SP2D_BASE = 5_000_000_000;

/**
 * Creates `count` OPD operators (op-uji-01 …) on distinct OPDs, those with the most to write first,
 * and returns what each writes. Reuses an operator that already exists.
 */
export function prepareWriters(db: Db, count: number, nowMs: number): FleetSetup {
  const { year, month } = wibParts(nowMs);
  const opds = db
    .prepare(
      `SELECT o.id, o.code,
         (SELECT COUNT(*) FROM sub_kegiatan s WHERE s.opd_id = o.id AND s.year = ?) AS subs,
         (SELECT COUNT(*) FROM programme p WHERE p.coordinator_opd_id = o.id) AS progs,
         (SELECT COUNT(*) FROM service_type t WHERE t.opd_id = o.id AND t.active = 1) AS svcs
       FROM opd o WHERE o.active = 1
       ORDER BY (progs > 0) + (svcs > 0) DESC, subs DESC, o.id`,
    )
    .all(year) as { id: number; code: string; subs: number; progs: number; svcs: number }[];
  const usable = opds.filter((o) => o.subs > 0);
  if (usable.length < count)
    throw new Error(`only ${usable.length} OPDs have sub kegiatan in ${year}; ${count} writers asked`);
  const plans = usable.slice(0, count).map((o, index): WriterPlan => {
    const username = `op-uji-${String(index + 1).padStart(2, '0')}`;
    const userId = userByName(db, username)?.id ?? createUser({ db, nowMs }, username, 'opd', o.code);
    return {
      index,
      username,
      userId,
      opdId: o.id,
      opdCode: o.code,
      subKegiatan: db
        .prepare('SELECT id FROM sub_kegiatan WHERE opd_id = ? AND year = ? ORDER BY id')
        .pluck()
        .all(o.id, year) as number[],
      programmes: db
        .prepare('SELECT id FROM programme WHERE coordinator_opd_id = ? ORDER BY id')
        .pluck()
        .all(o.id) as number[],
      services: db
        .prepare('SELECT id, code FROM service_type WHERE opd_id = ? AND active = 1 ORDER BY id')
        .all(o.id) as { id: number; code: string }[],
    };
  });
  const codes = (table: string) =>
    db.prepare(`SELECT code FROM ${table} ORDER BY code`).pluck().all() as string[];
  return {
    plans,
    year,
    month,
    period: monthKey(year, month),
    kecamatan: db.prepare('SELECT id, code FROM kecamatan ORDER BY id').all() as {
      id: number;
      code: string;
    }[],
    channels: codes('complaint_channel'),
    topics: codes('complaint_topic'),
    categories: codes('complaint_category'),
  };
}

interface Answer {
  status: number;
  body: { result?: { data?: Record<string, unknown> }; error?: { message?: string } } | null;
  setCookie: string[];
}

/** One POST over node:http (its errors keep their codes: ECONNREFUSED, ECONNRESET…). */
function post(
  agent: http.Agent,
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Answer> {
  const url = new URL(path, baseUrl);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(payload)),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Answer['body'] = null;
          try {
            parsed = JSON.parse(text) as Answer['body'];
          } catch {
            parsed = null;
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, setCookie: res.headers['set-cookie'] ?? [] });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

interface Session {
  cookie: string;
  csrf: string;
}

export interface LoadHandle {
  /** Stops every writer from sending another request. */
  stop: () => void;
  /** Resolves when every writer has stopped and its last request has settled. */
  done: Promise<void>;
}

export class Fleet {
  readonly log: WriteRecord[] = [];
  /** The version each realisation/progress figure stands at; the verifier sets it from the database. */
  versions: Versions = new Map();
  private seq = 0;
  private readonly sessions = new Map<number, Session>();
  private readonly rngs: Rng[];

  constructor(
    readonly setup: FleetSetup,
    seed: number,
    /** Part of every text token, so that two runs on one file never share a value. */
    readonly tag: string,
  ) {
    this.rngs = setup.plans.map((p) => new Rng(seed * 1000 + p.index + 1));
  }

  /** Signs the operators in over HTTP (the first `count`, or all): a real session cookie and CSRF token each. */
  async login(baseUrl: string, count?: number): Promise<void> {
    const agent = new http.Agent({ keepAlive: false });
    try {
      // Four at a time: Argon2id verification is memory-hard on purpose.
      const queue = this.setup.plans.slice(0, count ?? this.setup.plans.length);
      await Promise.all(
        [0, 1, 2, 3].map(async () => {
          for (let p = queue.shift(); p; p = queue.shift()) {
            const res = await post(
              agent,
              baseUrl,
              '/trpc/auth.login',
              { username: p.username, password: PASSWORD },
              {},
            );
            const csrf = res.body?.result?.data?.csrfToken;
            const cookie = res.setCookie
              .map((c) => c.split(';')[0] ?? '')
              .find((c) => c.startsWith('adiguna_sesi='));
            if (res.status !== 200 || typeof csrf !== 'string' || !cookie)
              throw new Error(`login of ${p.username} failed: ${res.status} ${JSON.stringify(res.body)}`);
            this.sessions.set(p.index, { cookie, csrf });
          }
        }),
      );
    } finally {
      agent.destroy();
    }
  }

  /** Starts every writer against `baseUrl`; each sends one request at a time until stopped. */
  start(baseUrl: string, opts: { thinkMs?: number } = {}): LoadHandle {
    let stopped = false;
    const agent = new http.Agent({ keepAlive: true, maxSockets: this.setup.plans.length + 4 });
    const writers = this.setup.plans.map(async (plan) => {
      const session = this.sessions.get(plan.index);
      if (!session) throw new Error(`${plan.username} is not signed in`);
      const rng = this.rngs[plan.index] as Rng;
      while (!stopped) {
        const w = this.nextWrite(plan, rng);
        if (!w) break;
        const record: WriteRecord = {
          ...w,
          seq: w.seq,
          writer: plan.index,
          userId: plan.userId,
          sentAt: performance.now(),
          doneAt: null,
          outcome: 'pending',
          status: null,
          error: null,
        };
        this.log.push(record);
        try {
          const res = await post(agent, baseUrl, `/trpc/${w.procedure}`, w.input, {
            cookie: session.cookie,
            'x-csrf-token': session.csrf,
          });
          record.doneAt = performance.now();
          record.status = res.status;
          if (res.status >= 200 && res.status < 300) {
            record.outcome = 'ack';
            const version = res.body?.result?.data?.version;
            if (record.kind === 'realisation' || record.kind === 'progress')
              this.versions.set(
                figureKey(record.kind, record.key),
                typeof version === 'number' ? version : null,
              );
          } else {
            record.outcome = 'rejected';
            record.error = res.body?.error?.message ?? `HTTP ${res.status}`;
          }
        } catch (err) {
          record.doneAt = performance.now();
          record.outcome = 'unknown';
          record.error = `${(err as { code?: string }).code ?? ''} ${(err as Error).message}`.trim();
          // The figure's version is unknown until the verifier reads it back: write it no more.
          if (record.kind === 'realisation' || record.kind === 'progress')
            this.versions.set(figureKey(record.kind, record.key), -1);
        }
        const think = opts.thinkMs ?? 0;
        if (think > 0 && !stopped) await new Promise((r) => setTimeout(r, rng.int(0, 2 * think)));
      }
    });
    return {
      stop: () => {
        stopped = true;
      },
      done: Promise.all(writers).then(() => {
        agent.destroy();
      }),
    };
  }

  /** The writer's next write: a kind it can write, a figure of its own, a unique value. */
  private nextWrite(
    plan: WriterPlan,
    rng: Rng,
  ): Pick<WriteRecord, 'seq' | 'kind' | 'key' | 'token' | 'input'> & { procedure: string } {
    const s = this.setup;
    const kinds: WriteKind[] = ['realisation', 'complaint'];
    if (plan.programmes.length > 0) kinds.push('progress');
    if (plan.services.length > 0) kinds.push('service');
    const kind = rng.pick(kinds);
    this.seq += 1;
    const seq = this.seq;
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    switch (kind) {
      case 'realisation': {
        const open = plan.subKegiatan.filter(
          (id) => this.versions.get(figureKey(kind, `${id}:${s.month}`)) !== -1,
        );
        if (open.length === 0) return this.fallback(plan, rng, seq);
        const sub = rng.pick(open);
        const key = `${sub}:${s.month}`;
        const sp2dRp = SP2D_BASE + seq;
        return {
          seq,
          kind,
          key,
          token: String(sp2dRp),
          procedure: 'entry.saveRealisation',
          input: {
            subKegiatanId: sub,
            month: s.month,
            sp2dRp,
            spjRp: sp2dRp - rng.int(0, 1000),
            fisikPct: rng.int(0, 1000) / 10,
            expectedVersion: this.versions.get(figureKey(kind, key)) ?? null,
          },
        };
      }
      case 'progress': {
        const open = plan.programmes.filter(
          (id) => this.versions.get(figureKey(kind, `${id}:${s.period}`)) !== -1,
        );
        if (open.length === 0) return this.fallback(plan, rng, seq);
        const programme = rng.pick(open);
        const key = `${programme}:${s.period}`;
        const token = `uji-${this.tag}-${seq}`;
        return {
          seq,
          kind,
          key,
          token,
          procedure: 'entry.saveProgress',
          input: {
            programmeId: programme,
            period: s.period,
            physicalPct: rng.int(0, 1000) / 10,
            spentRp: rng.int(0, 5_000_000) * 1000,
            indicatorValue: null,
            status: rng.pick(['berjalan', 'tertunda', 'selesai'] as const),
            kendala: token,
            tindakLanjut: null,
            evidenceUrl: null,
            expectedVersion: this.versions.get(figureKey(kind, key)) ?? null,
          },
        };
      }
      case 'service': {
        const service = rng.pick(plan.services);
        const token = `uji-${this.tag}-${seq}`;
        const submitted = now - rng.int(60, 48 * 60) * 60_000;
        const completed = rng.chance(0.7) ? Math.min(now, submitted + rng.int(5, 36 * 60) * 60_000) : null;
        return {
          seq,
          kind,
          key: token,
          token,
          procedure: 'entry.saveServiceRecord',
          input: {
            serviceCode: service.code,
            kecamatanCode: rng.chance(0.8) ? rng.pick(s.kecamatan).code : null,
            submittedAt: iso(submitted),
            completedAt: completed === null ? null : iso(completed),
            sourceId: token,
          },
        };
      }
      case 'complaint':
        return this.complaint(rng, seq, now);
    }
  }

  /** A complaint: every writer can always write one. */
  private complaint(rng: Rng, seq: number, now: number) {
    const s = this.setup;
    const token = `uji-${this.tag}-${seq}`;
    const received = now - rng.int(10, 72 * 60) * 60_000;
    const responded = rng.chance(0.8) ? Math.min(now, received + rng.int(1, 48 * 60) * 60_000) : null;
    const resolved =
      responded !== null && rng.chance(0.5) ? Math.min(now, responded + rng.int(1, 600) * 60_000) : null;
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      seq,
      kind: 'complaint' as const,
      key: token,
      token,
      procedure: 'entry.saveComplaint',
      input: {
        channel: rng.pick(s.channels),
        topic: rng.pick(s.topics),
        category: rng.pick(s.categories),
        opdCode: null,
        kecamatanCode: rng.chance(0.7) ? rng.pick(s.kecamatan).code : null,
        receivedAt: iso(received),
        firstResponseAt: responded === null ? null : iso(responded),
        resolvedAt: resolved === null ? null : iso(resolved),
        sourceId: token,
      },
    };
  }

  private fallback(_plan: WriterPlan, rng: Rng, seq: number) {
    return this.complaint(rng, seq, Date.now());
  }
}
