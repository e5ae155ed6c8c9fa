import { createRollUp, type JsonSchema } from '@bdg/schemas';
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { binary } from '../test-support/binary.js';

process.env.JOBS_POLL_SECONDS = '0.5';
process.env.JOBS_SCHEDULE = 'false';

const DEMO = 'Demo@2026!';
const SCHOOLS = 1200;


/**
 * "A Sở-level export over 1,000 schools finishes in under 30 s": the Sở's consolidated report
 * over 1,200 schools (rolled up with the real x-aggregate rules, provenance for every value),
 * exported through the API: 202 + job, progress, then the file.
 */
describe(`Sở export over ${SCHOOLS} schools`, () => {
  let sut: TestApp;
  let token = '';
  let soId = '';
  let expectedTotal = 0;
  let provenanceRows = 0;
  const figures: string[] = [];

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true', RUN_JOBS: 'true' });
    token = await sut.login('hy.so.reviewer', DEMO);
    const so = (await sut.sql<{ id: string; path: string }>(`SELECT id, path::text AS path FROM org_unit WHERE code = 'SO-HY'`))[0]!;
    const units = await sut.sql<{ id: string; code: string; name: string }>(
      `INSERT INTO org_unit (code, name, kind, parent_id, place_name, path)
       SELECT 'HY-TH-' || lpad(g::text, 4, '0'), 'Trường Tiểu học số ' || g, 'truong_th', $1, 'Hưng Yên',
              $2::ltree || text2ltree('s' || g)
         FROM generate_series(1, ${SCHOOLS}) g
       RETURNING id, code, name`,
      [so.id, so.path],
    );
    const sub = (
      await sut.sql<{ id: string; schema: JsonSchema }>(
        `SELECT s.id, t.schema FROM submission s JOIN org_unit o ON o.id = s.unit_id JOIN template_version t ON t.id = s.template_version_id
          WHERE o.code = 'SO-HY' AND t.code = 'khoai-chau-bdg-2016-2020'`,
      )
    )[0]!;
    soId = sub.id;
    // The schools' own submissions (accepted), as a large compile's provenance reads them on demand.
    const children = units.map((u, i) => {
      const total = 20 + (i % 60);
      expectedTotal += total;
      return { unitId: u.id, data: khoaiChauReport(u.name, { total, women: Math.floor(total * 0.7), managers: 3, womenManagers: i % 4 }) };
    });
    const childIds = await sut.sql<{ id: string; unit_id: string }>(
      `INSERT INTO submission (round_id, unit_id, parent_unit_id, template_version_id, flow_version_id, state, snapshot, data, locked, final)
       SELECT t.round_id, c."unitId", $2, t.template_version_id, t.flow_version_id, 'accepted', t.snapshot, c.data, true, true
         FROM (SELECT * FROM submission WHERE id = $1) t, jsonb_to_recordset($3::jsonb) AS c("unitId" uuid, data jsonb)
       RETURNING id, unit_id`,
      [sub.id, so.id, JSON.stringify(children)],
    );
    const rollUp = createRollUp(sub.schema);
    for (const [i, u] of units.entries()) rollUp.add({ unitId: u.id, unitCode: u.code, unitName: u.name, compiled: false, data: children[i]!.data });
    const result = rollUp.finish();
    provenanceRows = Object.values(result.provenance).reduce((n, e) => n + e.length, 0);
    const data = { ...(result.data as object), vanBan: { soVanBan: '88', ngayBanHanh: '2020-06-05', nguoiKy: 'Giám đốc Sở' } };
    // As CompileService stores a compile over more than 1,000 children: provenance not inline.
    const compiled = {
      included: SCHOOLS,
      total: SCHOOLS,
      stale: false,
      compiledAt: new Date().toISOString(),
      provenance: {},
      provenanceInline: false,
      sources: Object.fromEntries(childIds.map((c) => [c.id, 'h'])),
    };
    await sut.sql(`UPDATE submission SET data = $2::jsonb, compiled = $3::jsonb WHERE id = $1`, [soId, JSON.stringify(data), JSON.stringify(compiled)]);
  }, 180_000);
  afterAll(async () => {
    if (figures.length) console.log(`\nSở export over ${SCHOOLS} schools (${provenanceRows} provenance rows):\n  ${figures.join('\n  ')}\n`);
    await sut?.close();
  });

  for (const format of ['xlsx', 'docx', 'pdf'] as const) {
    it(`${format}: runs as a job (202), shows progress, and the file is ready in under 30 s`, async () => {
      const auth = { Authorization: `Bearer ${token}` };
      const t0 = performance.now();
      const res = await sut.http.get(`/api/submissions/${soId}/export?format=${format}`).set(auth);
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const seen = new Set<number>();
      let job: { state: string; progress: number; result: { renderMs: number; size: number; units: number } | null; error: string | null };
      for (;;) {
        job = (await sut.http.get(`/api/jobs/${res.body.jobId}`).set(auth)).body;
        seen.add(job.progress);
        if (job.state === 'completed' || job.state === 'failed') break;
        if (performance.now() - t0 > 60_000) throw new Error(`still ${job.state}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(job.error).toBeNull();
      expect(job.state).toBe('completed');
      const file = await sut.http.get(`/api/jobs/${res.body.jobId}/file`).set(auth).buffer(true).parse(binary);
      const seconds = (performance.now() - t0) / 1000;
      expect(file.status).toBe(200);
      expect(job.result!.units).toBe(SCHOOLS);
      figures.push(
        `${format}: ${seconds.toFixed(1)} s request→file (render ${(job.result!.renderMs / 1000).toFixed(1)} s), ${(file.body.length / 1024).toFixed(0)} KiB, progress seen ${[...seen].sort((a, b) => a - b).join('/')}`,
      );
      expect(seconds).toBeLessThan(30);
      if (format === 'xlsx') {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(file.body as unknown as ArrayBuffer);
        const sheet = wb.worksheets.find((w) => w.name.includes('Tình hình chung'))!;
        let total: unknown;
        sheet.eachRow((row) => {
          if (String(row.getCell(2).value).trim() === 'Tổng số CB-GV-NV') total = row.getCell(3).value;
        });
        expect(total).toBe(expectedTotal);
        expect(wb.getWorksheet('Nguồn số liệu')!.rowCount).toBe(provenanceRows + 1);
      }
      if (format === 'pdf') expect(file.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }, 90_000);
  }
});
