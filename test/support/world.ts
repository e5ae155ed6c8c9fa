/** The demo province as ids: units, users, rounds and submissions by code, read once with SQL. */
import type { Sql } from './app.js';

export interface World {
  unit: Record<string, { id: string; path: string; parentId: string | null }>;
  user: Record<string, { id: string; unitId: string }>;
  round: { hy: string; pt: string };
  /** submission id by unit code, in the unit's demo round */
  sub: Record<string, string>;
}

export async function loadWorld(sql: Sql): Promise<World> {
  const units = await sql.q<{ id: string; code: string; path: string; parent_id: string | null }>(
    `SELECT id, code, path::text AS path, parent_id FROM org_unit`,
  );
  const users = await sql.q<{ id: string; username: string; unit_id: string }>(`SELECT id, username, unit_id FROM app_user`);
  const rounds = await sql.q<{ id: string; code: string }>(
    `SELECT r.id, u.code FROM round r JOIN org_unit u ON u.id = r.root_unit_id ORDER BY r.created_at`,
  );
  const subs = await sql.q<{ id: string; code: string }>(
    `SELECT s.id, u.code FROM submission s JOIN org_unit u ON u.id = s.unit_id ORDER BY s.created_at`,
  );
  const w: World = { unit: {}, user: {}, round: { hy: '', pt: '' }, sub: {} };
  for (const u of units) w.unit[u.code] = { id: u.id, path: u.path, parentId: u.parent_id };
  for (const u of users) w.user[u.username] = { id: u.id, unitId: u.unit_id };
  w.round.hy = rounds.find((r) => r.code === 'SO-HY')!.id;
  w.round.pt = rounds.find((r) => r.code === 'SO-PT')!.id;
  for (const s of subs) w.sub[s.code] ??= s.id;
  return w;
}

export const isBelowOrSame = (p: string, anc: string) => p === anc || p.startsWith(anc + '.');
