// Wall displays and their playlists.
import type { Db } from '../connection';
import { prep } from '../prepare';

export interface DisplayRow {
  id: number;
  name: string;
  location: string | null;
  tokenId: number;
  playlistJson: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  updatedAt: string;
}

const COLUMNS = `d.id, d.name, d.location, d.token_id AS tokenId, d.playlist_json AS playlistJson,
  t.revoked_at AS revokedAt, t.last_used_at AS lastUsedAt, d.updated_at AS updatedAt`;

export function listDisplays(db: Db): DisplayRow[] {
  return prep(
    db,
    `SELECT ${COLUMNS} FROM display d JOIN api_token t ON t.id = d.token_id ORDER BY d.name`,
  ).all() as DisplayRow[];
}

export function displayById(db: Db, id: number): DisplayRow | undefined {
  return prep(
    db,
    `SELECT ${COLUMNS} FROM display d JOIN api_token t ON t.id = d.token_id WHERE d.id = ?`,
  ).get(id) as DisplayRow | undefined;
}

export function displayByToken(db: Db, tokenId: number): DisplayRow | undefined {
  return prep(
    db,
    `SELECT ${COLUMNS} FROM display d JOIN api_token t ON t.id = d.token_id WHERE d.token_id = ?`,
  ).get(tokenId) as DisplayRow | undefined;
}

export function insertDisplay(
  db: Db,
  d: { name: string; location: string | null; tokenId: number; playlistJson: string; at: string; by: number },
): number {
  return Number(
    prep(
      db,
      `INSERT INTO display (name, location, token_id, playlist_json, created_at, created_by, updated_at)
       VALUES (@name, @location, @tokenId, @playlistJson, @at, @by, @at)`,
    ).run(d).lastInsertRowid,
  );
}

export function updateDisplay(
  db: Db,
  id: number,
  d: { name: string; location: string | null; playlistJson: string; at: string },
): boolean {
  return (
    prep(db, 'UPDATE display SET name = ?, location = ?, playlist_json = ?, updated_at = ? WHERE id = ?').run(
      d.name,
      d.location,
      d.playlistJson,
      d.at,
      id,
    ).changes === 1
  );
}
