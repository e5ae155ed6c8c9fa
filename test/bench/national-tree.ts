/**
 * The national tree of issue #17, generated in SQL (never over HTTP) so that it takes seconds:
 * 34 Sở, 200 communes (xã/phường) each, 15 schools per commune (mầm non / tiểu học / THCS in turn),
 * i.e. 34 + 6,800 + 102,000 units under the ministry root. Seeded and reproducible: ids are derived
 * from the codes (md5 → uuid), names and kinds from the numbers, so two runs build the same tree.
 * Paths are written as the app writes them (the parent's path + '.u' + the id without dashes).
 */
import type { Sql } from '../support/app.js';

export const NATIONAL = {
  provinces: Number(process.env.BENCH_NATIONAL_PROVINCES ?? 34),
  communesPerProvince: Number(process.env.BENCH_NATIONAL_COMMUNES ?? 200),
  schoolsPerCommune: Number(process.env.BENCH_NATIONAL_SCHOOLS ?? 15),
  /** People per generated unit (an editor, a head, an admin): the users list's national size. */
  usersPerUnit: 3,
};

export interface NationalTree {
  rootId: string;
  /** One Sở, one of its communes and one of that commune's schools: the people measured at each level. */
  so: { id: string; code: string };
  xa: { id: string; code: string };
  school: { id: string; code: string };
  units: number;
}

const uuidOf = (expr: string) => `md5(${expr})::uuid`;

/** Builds the tree under the ministry root (code BGDDT) and one reviewer/editor per sampled unit. */
export async function generateNationalTree(sql: Sql, passwordHash: string): Promise<NationalTree> {
  const root = await sql.one<{ id: string; path: string }>(`SELECT id, path::text AS path FROM org_unit WHERE code = 'BGDDT'`);
  const { provinces, communesPerProvince, schoolsPerCommune } = NATIONAL;
  await sql.q(
    `INSERT INTO org_unit (id, code, name, kind, parent_id, path)
     SELECT ${uuidOf(`'nat-so-' || g`)}, 'NSO-' || lpad(g::text, 2, '0'), 'Sở GD&ĐT tỉnh số ' || g, 'so', $1::uuid,
            ($2 || '.u' || replace(${uuidOf(`'nat-so-' || g`)}::text, '-', ''))::ltree
       FROM generate_series(1, $3::int) g`,
    [root.id, root.path, provinces],
  );
  await sql.q(
    `INSERT INTO org_unit (id, code, name, kind, parent_id, path)
     SELECT ${uuidOf(`s.code || '-x' || g`)}, s.code || '-X' || lpad(g::text, 3, '0'), 'Xã số ' || g || ' (' || s.name || ')', 'xa', s.id,
            (s.path::text || '.u' || replace(${uuidOf(`s.code || '-x' || g`)}::text, '-', ''))::ltree
       FROM org_unit s CROSS JOIN generate_series(1, $1::int) g WHERE s.code LIKE 'NSO-%'`,
    [communesPerProvince],
  );
  const kinds = `(ARRAY['truong_mn','truong_th','truong_thcs'])[1 + (g % 3)]`;
  const labels = `(ARRAY['Trường Mầm non','Trường Tiểu học','Trường THCS'])[1 + (g % 3)]`;
  await sql.q(
    `INSERT INTO org_unit (id, code, name, kind, parent_id, path)
     SELECT ${uuidOf(`x.code || '-t' || g`)}, x.code || '-T' || lpad(g::text, 2, '0'), ${labels} || ' số ' || g || ' ' || split_part(x.name, ' (', 1), ${kinds}, x.id,
            (x.path::text || '.u' || replace(${uuidOf(`x.code || '-t' || g`)}::text, '-', ''))::ltree
       FROM org_unit x CROSS JOIN generate_series(1, $1::int) g WHERE x.kind = 'xa' AND x.code LIKE 'NSO-%'`,
    [schoolsPerCommune],
  );
  await sql.q(`ANALYZE org_unit`);
  const pick = (code: string) => sql.one<{ id: string; code: string }>(`SELECT id, code FROM org_unit WHERE code = $1`, [code]);
  const so = await pick('NSO-01');
  const xa = await pick('NSO-01-X001');
  const school = await pick('NSO-01-X001-T01');
  await sql.q(
    `INSERT INTO app_user (username, password_hash, full_name, unit_id, roles) VALUES
       ('nat.so.reviewer', $1, 'Chuyên viên Sở thử', $2, '{reviewer}'),
       ('nat.xa.reviewer', $1, 'Cán bộ xã thử', $3, '{reviewer}'),
       ('nat.school.editor', $1, 'Văn thư trường thử', $4, '{editor}')`,
    [passwordHash, so.id, xa.id, school.id],
  );
  return { rootId: root.id, so, xa, school, units: provinces * (1 + communesPerProvince * (1 + schoolsPerCommune)) };
}

/**
 * Several people per generated unit (issue #17: "~100,000 units and several users each"): `<code>.editor`,
 * `<code>.head`, `<code>.admin` (so `nso-01.admin` is the Sở's admin), with Vietnamese names drawn from the
 * row number so that sorting by name is not sorting by unit. Returns how many were written.
 */
export async function generateNationalUsers(sql: Sql, passwordHash: string): Promise<number> {
  const family = `(ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý'])`;
  const middle = `(ARRAY['Văn','Thị','Hữu','Minh','Thanh','Ngọc','Đức','Quang','Thu','Xuân'])`;
  const given = `(ARRAY['An','Bình','Cường','Dũng','Giang','Hà','Hải','Hạnh','Hoa','Hùng','Hương','Khánh','Lan','Linh','Long','Mai','Nam','Nga','Phúc','Quân','Sơn','Tâm','Thảo','Trang','Tuấn','Vy'])`;
  const roles = `(ARRAY['editor','head','admin'])`;
  const [row] = await sql.q<{ n: number }>(
    `WITH ins AS (
       INSERT INTO app_user (username, password_hash, full_name, unit_id, roles)
       SELECT lower(o.code) || '.' || ${roles}[r], $1, ${family}[1 + h % 16] || ' ' || ${middle}[1 + (h / 16) % 10] || ' ' || ${given}[1 + (h / 160) % 26], o.id, ARRAY[${roles}[r]]
         FROM org_unit o CROSS JOIN generate_series(1, $2::int) r
              CROSS JOIN LATERAL (SELECT abs(hashtext(o.code || r))::bigint AS h) x
        WHERE o.code LIKE 'NSO-%'
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [passwordHash, NATIONAL.usersPerUnit],
  );
  await sql.q(`ANALYZE app_user`);
  return row!.n;
}

/**
 * A realistic spread of states, by SQL (the season half-way): every 3rd school handed in (submitted), every
 * 5th accepted, the rest in draft; the state's tags come from the flow as the app writes them.
 */
export async function spreadStates(sql: Sql, roundId: string): Promise<void> {
  await sql.q(
    `UPDATE submission s SET state = v.state, state_tags = v.tags, locked = v.locked, final = v.final
       FROM (SELECT s2.id,
                    CASE WHEN h % 5 = 0 THEN 'accepted' WHEN h % 3 = 0 THEN 'submitted' ELSE s2.state END AS state,
                    CASE WHEN h % 5 = 0 THEN '{done}'::text[] WHEN h % 3 = 0 THEN '{submitted}'::text[] ELSE s2.state_tags END AS tags,
                    (h % 5 = 0 OR h % 3 = 0) AS locked, h % 5 = 0 AS final
               FROM (SELECT id, state, state_tags, abs(hashtext(unit_id::text)) AS h FROM submission
                      WHERE round_id = $1 AND state = 'draft') s2) v
      WHERE s.id = v.id`,
    [roundId],
  );
  await sql.q(`ANALYZE submission`);
}
