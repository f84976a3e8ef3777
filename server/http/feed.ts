// POST /api/feed/layanan | /api/feed/aduan with "Authorization: Bearer <feed token>": a system that
// already holds the data pushes records in batches. Each record needs the source's own id
// (sourceId); a record sent twice is written once, and an open service request sent again with
// its completion time is completed. A batch with any invalid record writes nothing.
import type { Request, Response } from 'express';
import { z } from 'zod';
import { complaintEntry, serviceRecordEntry } from '../../shared/entry';
import { resolvePrincipal } from '../auth/principal';
import { complaintCodeExists, kecamatanIdByCode, serviceByCode } from '../db/queries/entry';
import { type ChangeRow, changesAfter, lastChangeId } from '../db/queries/freshness';
import { opdByCode } from '../db/queries/reference';
import { complaintBySourceId } from '../imports/queries';
import type { AppContext } from '../trpc';
import { type ComplaintWrite, recordComplaint, updateComplaintBySource } from '../writes';
import { recordServiceBatch, type ServiceBatchRow } from '../writes/batch';

const feedSchemas = { layanan: serviceRecordEntry, aduan: complaintEntry } as const;
const feedBody = z
  .object({
    records: z
      .array(z.unknown())
      .min(1, 'records tidak boleh kosong')
      .max(5000, 'Paling banyak 5000 record per kiriman'),
  })
  .strict();

interface RecordError {
  index: number;
  field: string;
  message: string;
}

export function importFeedRecords(ctx: AppContext, req: Request, res: Response): void {
  const p = resolvePrincipal(ctx.db, req, ctx.clock());
  if (p?.kind !== 'token' || p.token.kind !== 'feed' || !p.token.feedSource) {
    res.status(401).json({ error: 'Token feed tidak valid atau sudah dicabut' });
    return;
  }
  const kind = req.params.kind;
  if (kind !== 'layanan' && kind !== 'aduan') {
    res.status(404).json({ error: `Feed '${kind}' tidak dikenal` });
    return;
  }
  const body = feedBody.safeParse(req.body);
  if (!body.success) {
    res.status(400).json({ error: body.error.issues[0]?.message ?? 'Isi permintaan tidak valid' });
    return;
  }
  const errors: RecordError[] = [];
  const schema = feedSchemas[kind] as z.ZodType;
  const parsed = body.data.records.map((raw, index) => {
    const r = schema.safeParse(raw);
    if (!r.success) {
      for (const i of r.error.issues)
        errors.push({ index, field: i.path.join('.') || '(record)', message: i.message });
      return null;
    }
    if (!(r.data as { sourceId: string | null }).sourceId)
      errors.push({ index, field: 'sourceId', message: 'ID sumber wajib diisi untuk feed' });
    return r.data;
  });
  const source = `feed:${p.token.feedSource}`;
  const actor = { userId: null, source, sourceRef: p.token.name };
  const now = ctx.clock();

  if (kind === 'layanan') {
    const rows: ServiceBatchRow[] = [];
    for (const [index, rec] of parsed.entries()) {
      if (!rec) continue;
      const r = rec as z.infer<typeof feedSchemas.layanan>;
      const svc = serviceByCode(ctx.db, r.serviceCode);
      if (!svc) {
        errors.push({
          index,
          field: 'serviceCode',
          message: `Kode layanan '${r.serviceCode}' tidak dikenal`,
        });
        continue;
      }
      if (p.token.opdId !== null && svc.opdId !== p.token.opdId) {
        errors.push({
          index,
          field: 'serviceCode',
          message: `Token ini hanya untuk layanan OPD-nya sendiri`,
        });
        continue;
      }
      const kec = r.kecamatanCode ? kecamatanIdByCode(ctx.db, r.kecamatanCode) : null;
      if (kec === undefined) {
        errors.push({
          index,
          field: 'kecamatanCode',
          message: `Kode kecamatan '${r.kecamatanCode}' tidak dikenal`,
        });
        continue;
      }
      rows.push({
        serviceId: svc.id,
        kecamatanId: kec,
        submittedMs: Date.parse(r.submittedAt),
        completedMs: r.completedAt === null ? null : Date.parse(r.completedAt),
        sourceId: r.sourceId,
      });
    }
    if (errors.length > 0) {
      res.status(400).json({ error: 'Kiriman ditolak; tidak ada data yang disimpan', errors });
      return;
    }
    const result = recordServiceBatch(ctx.db, rows, actor, now);
    if (result.change) ctx.bus.publish(result.change);
    res.json({ inserted: result.inserted, completed: result.completed, unchanged: result.unchanged });
    return;
  }

  const writes: ComplaintWrite[] = [];
  parsed.forEach((rec, index) => {
    if (!rec) return;
    const c = rec as z.infer<typeof feedSchemas.aduan>;
    for (const [field, k, code] of [
      ['channel', 'channel', c.channel],
      ['topic', 'topic', c.topic],
      ['category', 'category', c.category],
    ] as const) {
      if (!complaintCodeExists(ctx.db, k, code))
        errors.push({ index, field, message: `Kode '${code}' tidak dikenal` });
    }
    if (c.opdCode && !opdByCode(ctx.db, c.opdCode))
      errors.push({ index, field: 'opdCode', message: `Kode OPD '${c.opdCode}' tidak dikenal` });
    if (c.kecamatanCode && kecamatanIdByCode(ctx.db, c.kecamatanCode) === undefined) {
      errors.push({
        index,
        field: 'kecamatanCode',
        message: `Kode kecamatan '${c.kecamatanCode}' tidak dikenal`,
      });
    }
    writes.push({
      channel: c.channel,
      topic: c.topic,
      category: c.category,
      opdCode: c.opdCode,
      kecamatanCode: c.kecamatanCode,
      receivedMs: Date.parse(c.receivedAt),
      firstResponseMs: c.firstResponseAt === null ? null : Date.parse(c.firstResponseAt),
      resolvedMs: c.resolvedAt === null ? null : Date.parse(c.resolvedAt),
      sourceId: c.sourceId,
    });
  });
  if (errors.length > 0) {
    res.status(400).json({ error: 'Kiriman ditolak; tidak ada data yang disimpan', errors });
    return;
  }
  const before = lastChangeId(ctx.db);
  const counts = ctx.db.transaction(() => {
    let inserted = 0;
    let unchanged = 0;
    let updated = 0;
    for (const w of writes) {
      if (w.sourceId && complaintBySourceId(ctx.db, source, w.sourceId)) {
        // Sent again: a later first response or resolution updates it; the same values change nothing.
        const change = updateComplaintBySource(
          ctx.db,
          w.sourceId,
          { firstResponseMs: w.firstResponseMs, resolvedMs: w.resolvedMs },
          actor,
          now,
        );
        if (change) updated++;
        else unchanged++;
        continue;
      }
      recordComplaint(ctx.db, w, actor, now);
      inserted++;
    }
    return { inserted, updated, unchanged };
  })();
  for (const c of changesAfter(ctx.db, before, 10_000) as ChangeRow[]) ctx.bus.publish(c);
  res.json({ inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged });
}
