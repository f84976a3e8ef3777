// Wall displays: an admin defines a display (name, place, playlist of screens with dwell times
// and filters) and gets a URL carrying its display token; the player reads its configuration with
// that token. Revoking the token turns the wall into a clear message; it never expires by itself.
import { z } from 'zod';
import { playlistSchema } from '../../shared/schemas';
import { randomToken, sha256 } from '../auth/session';
import { insertToken, revokeToken } from '../db/queries/auth';
import {
  displayById,
  displayByToken,
  insertDisplay,
  listDisplays,
  updateDisplay,
} from '../db/queries/displays';
import { appendAudit, appendChange } from '../db/queries/freshness';
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
  list: procedure.meta({ roles: ['admin'] }).query(({ ctx }) => listDisplays(ctx.db).map(view)),

  /** A new display; the answer carries its token and URL once (only the hash is stored). */
  create: procedure
    .meta({ roles: ['admin'] })
    .input(z.object(displayInput).strict())
    .mutation(({ ctx, input }) => {
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
      const at = new Date(ctx.clock()).toISOString();
      const change = ctx.db.transaction(() => {
        const done = updateDisplay(ctx.db, input.id, {
          name: input.name,
          location: input.location ?? null,
          playlistJson: JSON.stringify(input.playlist),
          at,
        });
        if (!done) return null;
        audit(ctx, input.id, 'update', { name: input.name, playlist: input.playlist });
        // Players follow live.changes: topic 'display' tells them to re-read their playlist.
        const summary = `Playlist layar ${input.id} diubah`;
        const id = appendChange(ctx.db, { at, topic: 'display', year: null, opdId: null, summary });
        return { id, at, topic: 'display', year: null, opdId: null, summary };
      })();
      if (!change) throw new TRPCError({ code: 'NOT_FOUND', message: `Layar ${input.id} tidak ditemukan` });
      ctx.bus.publish(change);
      return { ok: true };
    }),

  revoke: procedure
    .meta({ roles: ['admin'] })
    .input(z.object({ id: z.number().int().positive() }).strict())
    .mutation(({ ctx, input }) => {
      const d = displayById(ctx.db, input.id);
      if (!d) throw new TRPCError({ code: 'NOT_FOUND', message: `Layar ${input.id} tidak ditemukan` });
      const at = new Date(ctx.clock()).toISOString();
      ctx.db.transaction(() => {
        revokeToken(ctx.db, d.tokenId, at);
        audit(ctx, d.id, 'revoke', { revokedAt: at });
      })();
      return { ok: true };
    }),

  /** What the player shows: its name and playlist, and the running build (reload when it changes). */
  config: procedure.meta({ roles: ['display'] }).query(({ ctx }) => {
    const p = ctx.principal;
    if (p?.kind !== 'token')
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Layar ini tidak dikenal' });
    const d = displayByToken(ctx.db, p.token.id);
    if (!d) throw new TRPCError({ code: 'NOT_FOUND', message: 'Token ini bukan token layar' });
    return { ...view(d), buildId: ctx.buildId };
  }),
});
