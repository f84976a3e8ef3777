// Wall displays: an admin defines a display (name, place, playlist of screens with dwell times
// and filters) and gets a URL carrying its display token; the player reads its configuration with
// that token. Revoking the token turns the wall into a clear message; it never expires by itself.
import { z } from 'zod';
import { type PlaylistItem, playlistSchema } from '../../shared/schemas';
import { wibParts } from '../../shared/time';
import { randomToken, sha256 } from '../auth/session';
import { insertToken, revokeToken } from '../db/queries/auth';
import {
  displayById,
  displayByToken,
  insertDisplay,
  listDisplays,
  updateDisplay,
} from '../db/queries/displays';
import { appendAudit, appendChange, type ChangeRow } from '../db/queries/freshness';
import { runningMeetingOfDisplay } from '../db/queries/meetings';
import { listPillars, listServiceTypes, opdByCode } from '../db/queries/reference';
import { type AppContext, procedure, router, TRPCError } from '../trpc';

const displayInput = {
  name: z.string().trim().min(2, 'Nama layar minimal 2 karakter').max(120),
  location: z.string().trim().max(120).nullish(),
  playlist: playlistSchema,
};

function adminOf(ctx: AppContext): number {
  const p = ctx.principal;
  if (p?.kind !== 'user')
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Silakan masuk terlebih dahulu' });
  return p.user.id;
}

function audit(ctx: AppContext, id: number, action: string, value: unknown): void {
  appendAudit(ctx.db, {
    at: new Date(ctx.clock()).toISOString(),
    userId: adminOf(ctx),
    entity: 'display',
    entityId: String(id),
    opdId: null,
    action,
    oldJson: null,
    newJson: JSON.stringify(value),
    reason: null,
    source: 'manual',
  });
}

/**
 * Filters must name reference data that exists: a pillar of the framework in force, an OPD, a
 * service group. Every unknown value is reported against its field (`playlist.2.opdCode`), so the
 * form can show it beside the input; the message of the first one names the field and the value.
 */
function checkFilters(ctx: AppContext, playlist: readonly PlaylistItem[]): void {
  const pillars = new Set(listPillars(ctx.db, wibParts(ctx.clock()).year).map((p) => p.code));
  const groups = new Set(listServiceTypes(ctx.db).map((s) => s.group));
  const issues: { code: 'custom'; path: (string | number)[]; message: string; input: unknown }[] = [];
  playlist.forEach((item, i) => {
    const fail = (field: keyof PlaylistItem, message: string) =>
      issues.push({ code: 'custom', path: ['playlist', i, field], message, input: item[field] });
    if (item.pillar !== undefined && !pillars.has(item.pillar))
      fail('pillar', `Tidak ada pilar dengan kode '${item.pillar}'`);
    if (item.opdCode !== undefined && !opdByCode(ctx.db, item.opdCode))
      fail('opdCode', `Tidak ada OPD dengan kode '${item.opdCode}'`);
    if (item.serviceGroup !== undefined && !groups.has(item.serviceGroup))
      fail('serviceGroup', `Tidak ada kelompok layanan '${item.serviceGroup}'`);
  });
  const first = issues[0];
  // ZodRealError is the Error subclass parse() throws; the error formatter turns it into fieldErrors.
  if (first)
    throw new TRPCError({ code: 'BAD_REQUEST', message: first.message, cause: new z.ZodRealError(issues) });
}

/** A change row for the live stream: players re-read their configuration on topic 'display'. */
function displayChange(ctx: AppContext, at: string, summary: string): ChangeRow {
  const id = appendChange(ctx.db, { at, topic: 'display', year: null, opdId: null, summary });
  return { id, at, topic: 'display', year: null, opdId: null, summary };
}

function revokedConflict(name: string): TRPCError {
  return new TRPCError({
    code: 'CONFLICT',
    message: `Layar '${name}' sudah dicabut; buat layar baru untuk menayangkan lagi`,
  });
}

const view = (d: ReturnType<typeof listDisplays>[number]) => ({
  id: d.id,
  name: d.name,
  location: d.location,
  playlist: playlistSchema.parse(JSON.parse(d.playlistJson)),
  revoked: d.revokedAt !== null,
  lastSeenAt: d.lastUsedAt,
  updatedAt: d.updatedAt,
});

export const displaysRouter = router({
  /** Admins manage displays; executives read them to pick the walls of a meeting's room. */
  list: procedure.meta({ roles: ['admin', 'executive'] }).query(({ ctx }) => listDisplays(ctx.db).map(view)),

  /** A new display; the answer carries its token and URL once (only the hash is stored). */
  create: procedure
    .meta({ roles: ['admin'] })
    .input(z.object(displayInput).strict())
    .mutation(({ ctx, input }) => {
      checkFilters(ctx, input.playlist);
      const token = randomToken();
      const at = new Date(ctx.clock()).toISOString();
      const id = ctx.db.transaction(() => {
        const tokenId = insertToken(ctx.db, {
          name: `Layar: ${input.name}`,
          kind: 'display',
          hash: sha256(token),
          feedSource: null,
          opdId: null,
          at,
          by: adminOf(ctx),
        });
        const newId = insertDisplay(ctx.db, {
          name: input.name,
          location: input.location ?? null,
          tokenId,
          playlistJson: JSON.stringify(input.playlist),
          at,
          by: adminOf(ctx),
        });
        audit(ctx, newId, 'insert', { name: input.name, playlist: input.playlist });
        return newId;
      })();
      return { id, token, path: `/layar?t=${token}` };
    }),

  update: procedure
    .meta({ roles: ['admin'] })
    .input(z.object({ id: z.number().int().positive(), ...displayInput }).strict())
    .mutation(({ ctx, input }) => {
      const d = displayById(ctx.db, input.id);
      if (!d) throw new TRPCError({ code: 'NOT_FOUND', message: `Layar ${input.id} tidak ditemukan` });
      // A revoked display has no player left to follow its playlist.
      if (d.revokedAt !== null) throw revokedConflict(d.name);
      checkFilters(ctx, input.playlist);
      const at = new Date(ctx.clock()).toISOString();
      const change = ctx.db.transaction(() => {
        updateDisplay(ctx.db, input.id, {
          name: input.name,
          location: input.location ?? null,
          playlistJson: JSON.stringify(input.playlist),
          at,
        });
        audit(ctx, input.id, 'update', { name: input.name, playlist: input.playlist });
        return displayChange(ctx, at, `Playlist layar ${input.id} diubah`);
      })();
      ctx.bus.publish(change);
      return { ok: true };
    }),

  /** Revoking is immediate: the change tells an open player to re-read, and its token is refused. */
  revoke: procedure
    .meta({ roles: ['admin'] })
    .input(z.object({ id: z.number().int().positive() }).strict())
    .mutation(({ ctx, input }) => {
      const d = displayById(ctx.db, input.id);
      if (!d) throw new TRPCError({ code: 'NOT_FOUND', message: `Layar ${input.id} tidak ditemukan` });
      const at = new Date(ctx.clock()).toISOString();
      const change = ctx.db.transaction(() => {
        if (!revokeToken(ctx.db, d.tokenId, at)) return null;
        audit(ctx, d.id, 'revoke', { revokedAt: at });
        return displayChange(ctx, at, `Layar ${d.id} dicabut`);
      })();
      if (!change) throw revokedConflict(d.name);
      ctx.bus.publish(change);
      return { ok: true };
    }),

  /** What the player shows: its name and playlist, and the running build (reload when it changes). */
  config: procedure.meta({ roles: ['display'] }).query(({ ctx }) => {
    const p = ctx.principal;
    if (p?.kind !== 'token')
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Layar ini tidak dikenal' });
    const d = displayByToken(ctx.db, p.token.id);
    if (!d) throw new TRPCError({ code: 'NOT_FOUND', message: 'Token ini bukan token layar' });
    // A running meeting in this display's room takes the wall: it follows the chair, its playlist paused.
    const m = runningMeetingOfDisplay(ctx.db, d.id);
    const meeting = m
      ? {
          id: m.id,
          title: m.title,
          asOf: m.asOf,
          itemId: m.cursorItemId,
          focus: m.cursorFocus,
          version: m.version,
        }
      : null;
    return { ...view(d), buildId: ctx.buildId, meeting };
  }),
});
