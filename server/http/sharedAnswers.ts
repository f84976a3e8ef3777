// The wall read models' HTTP answers, kept per URL and data version. Every wall asks the same few
// URLs; between two commits the memos (memo.ts) already share the computation, but tRPC still
// builds a web Request, runs the procedure chain and serialises ~40 KB of JSON for each of them
// (about half the cost of a request, tests/bench/run.ts). Here a GET whose procedures are all
// `shared` (Meta.shared: the answer depends on the input and the data version only, never on who
// asks) is answered with the bytes tRPC wrote for the same URL in the same data version.
//
// Never stale: an answer is filed under the data version read when its request arrived, and the
// memos only ever compute from data at least that new; a commit or the next WIB minute is a new
// version, so the next request goes to tRPC again. Only complete 200 answers are kept.
import type { OutgoingHttpHeaders } from 'node:http';
import type { AnyTRPCRouter } from '@trpc/server';
import type { RequestHandler, Response } from 'express';
import type { Db } from '../db/connection';
import { dataVersion, setBounded } from '../memo';

/** A 200 answer as tRPC sent it. */
interface Answer {
  version: string;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/** A wall asks for a handful of URLs; a year of as-of dates and OPD filters still fits. */
export const MAX_SHARED_ANSWERS = 256;

/** The procedures of a router whose answers may be shared (their meta says so), by path. */
export function sharedPaths(router: AnyTRPCRouter): Set<string> {
  // The router's flat record of procedures by dotted path ('dashboard.overview').
  const procedures = router._def.procedures as Record<string, { _def: { meta?: unknown } }>;
  const out = new Set<string>();
  for (const [path, p] of Object.entries(procedures))
    if ((p._def.meta as { shared?: boolean } | undefined)?.shared === true) out.add(path);
  return out;
}

/** Collects what the rest of the chain writes to `res`, without changing what is sent. */
function capture(res: Response, done: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const add = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === 'string')
      chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((...args: unknown[]) => {
    add(args[0], args[1]);
    return write(...args);
  }) as Response['write'];
  res.end = ((...args: unknown[]) => {
    if (typeof args[0] !== 'function') add(args[0], args[1]);
    const out = end(...args);
    done(Buffer.concat(chunks));
    return out;
  }) as Response['end'];
}

export function sharedAnswers(db: Db, clock: () => number, shared: ReadonlySet<string>): RequestHandler {
  const answers = new Map<string, Answer>();
  return (req, res, next) => {
    // A tRPC client asking for a streamed (jsonl) answer gets a different body for the same URL.
    if (req.method !== 'GET' || req.get('trpc-accept') !== undefined) return next();
    const paths = req.path.slice(1).split(',');
    if (!paths.every((p) => shared.has(p))) return next();
    const key = req.originalUrl;
    const version = dataVersion(db, clock());
    const hit = answers.get(key);
    if (hit && hit.version === version) {
      for (const [name, value] of Object.entries(hit.headers))
        if (value !== undefined && !res.hasHeader(name)) res.setHeader(name, value);
      res.end(hit.body);
      return;
    }
    capture(res, (body) => {
      if (res.statusCode === 200)
        setBounded(answers, key, { version, headers: res.getHeaders(), body }, MAX_SHARED_ANSWERS);
    });
    next();
  };
}
