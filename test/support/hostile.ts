/**
 * The hostile load of issue 13: the worst templates lint accepts (a table at its maximum rows with
 * uniqueItems, the longest pattern, the largest enum, the longest text), the worst bodies the limits
 * allow, and exports of the largest document, while a second client polls /healthz. Used by
 * test/security/bounded-cost.test.ts (asserts) and `npm run bench` (the worst lag row).
 */
import { LIMIT_ENUM_VALUES, LIMIT_MAX_ITEMS, LIMIT_MAX_LENGTH, LIMIT_PATTERN_LENGTH } from '../../schemas/src/bounds.js';
import type { Sql } from './app.js';
import { Api } from './http.js';
import { loadWorld } from './world.js';

export const HOSTILE_CODE = 'ha-tai-toi-da';
/** A pattern that backtracks catastrophically in a native engine, as long as lint allows. */
export const LONGEST_PATTERN = (() => {
  const unit = '(a|aa)+';
  const n = Math.floor((LIMIT_PATTERN_LENGTH - 4) / unit.length);
  return `^(${unit.repeat(n)})$`;
})();
const ENUM = Array.from({ length: LIMIT_ENUM_VALUES }, (_, i) => `loai-${String(i).padStart(4, '0')}`);
/** Rows that fit the 2 MB body limit at the table's maximum. */
const ROWS = LIMIT_MAX_ITEMS;

export function hostileTemplate() {
  return {
    title: 'Mẫu thử tải tối đa',
    periodKind: 'nam',
    uiSchema: {},
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: 'Mẫu thử tải tối đa',
      properties: {
        bang: {
          type: 'array',
          title: 'Bảng lớn nhất',
          maxItems: LIMIT_MAX_ITEMS,
          uniqueItems: true,
          'x-aggregate': 'concat',
          items: {
            type: 'object',
            title: 'Dòng',
            additionalProperties: false,
            properties: {
              ma: { type: 'string', title: 'Mã', maxLength: 60, pattern: '^(a+)+$', 'x-aggregate': 'none' },
              loai: { type: 'string', title: 'Loại', enum: ENUM, 'x-aggregate': 'none' },
              so: { type: 'integer', title: 'Số', minimum: 0, 'x-aggregate': 'none' },
            },
          },
        },
        dai: { type: 'string', title: 'Văn bản dài nhất', maxLength: LIMIT_MAX_LENGTH, pattern: LONGEST_PATTERN, 'x-aggregate': 'none' },
      },
    },
  };
}

/** A template body near the 2 MB limit: many fields, each at the largest enum lint allows (lint runs on all of it). */
export function largestTemplateBody() {
  const values = Array.from({ length: LIMIT_ENUM_VALUES }, (_, i) => `gia-tri-${String(i).padStart(5, '0')}`);
  const properties = Object.fromEntries(
    Array.from({ length: 45 }, (_, f) => [`truong${f}`, { type: 'string', title: `Trường ${f}`, enum: values, 'x-aggregate': 'none' }]),
  );
  return { title: 'Mẫu lớn nhất', periodKind: 'nam', uiSchema: {}, schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', title: 'Mẫu lớn nhất', properties } };
}

export interface HostileOutcome {
  step: string;
  status: number;
  ms: number;
  message?: string;
  /** a 422's `details`: how many entries, and the last one's message */
  details?: { count: number; last?: string };
  /** worst /healthz answer among the polls sent while this step ran */
  worstHealthzMs?: number;
  start?: number;
  end?: number;
}
export interface HostileReport {
  outcomes: HostileOutcome[];
  /** every /healthz answer time while the load ran, ms */
  healthz: number[];
  worstHealthzMs: number;
}

/** Polls /healthz every 50 ms on its own connection until stopped; a request that never answers counts as its wait. */
function pollHealthz(base: string) {
  const times: number[] = [];
  const starts: number[] = [];
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      const t = performance.now();
      starts.push(t);
      try {
        await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(60_000) }).then((r) => r.text());
      } catch {
        /* counted by its time */
      }
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return async () => {
    stop = true;
    await loop;
    return { times, starts };
  };
}

/** Publishes the hostile template, opens a round on one school, and sends the worst bodies and exports. */
export async function runHostileLoad(base: string, sql: Sql, opts: { exports?: boolean } = {}): Promise<HostileReport> {
  const api = new Api(base);
  const w = await loadWorld(sql);
  const admin = await api.login('hy.admin');
  const school = 'KC-TH-HAM-TU';
  const editor = await api.login('kc.th-ham-tu.editor');
  const outcomes: HostileOutcome[] = [];
  const step = async (name: string, f: () => Promise<{ status: number; body?: { message?: string; details?: unknown } }>) => {
    const t = performance.now();
    const r = await f();
    const end = performance.now();
    const d = Array.isArray(r.body?.details) ? (r.body.details as { message?: string }[]) : undefined;
    const details = d && { count: d.length, last: d.at(-1)?.message };
    outcomes.push({ step: name, status: r.status, ms: Math.round(end - t), message: r.body?.message, details, start: t, end });
    return r;
  };

  const tpl = hostileTemplate();
  await step('đăng mẫu tối đa (tạo)', () => api.post(`/api/templates/${HOSTILE_CODE}/versions`, admin, tpl));
  await step('đăng mẫu tối đa (công bố)', () => api.post(`/api/templates/${HOSTILE_CODE}/versions/1/publish`, admin));
  await step('mở đợt cho một trường', () =>
    api.post('/api/rounds', admin, {
      name: 'Đợt thử tải tối đa',
      template: { code: HOSTILE_CODE, version: 1 },
      rootUnitId: w.unit[school]!.id,
      period: 'thử tải',
      flows: { truong_th: 'truong' },
      deadlines: { truong_th: '2030-01-01' },
    }),
  );
  const [found] = await sql.q<{ id: string }>(
    `SELECT s.id FROM submission s JOIN template_version t ON t.id = s.template_version_id WHERE t.code = $1 LIMIT 1`,
    [HOSTILE_CODE],
  );
  const sub = found?.id;
  if (!sub) throw new Error(`no submission for ${HOSTILE_CODE}: ${JSON.stringify(outcomes)}`);
  const kcSub = w.sub['KC-TH-TAN-DAN']!;
  const kcEditor = await api.login('kc.th-tan-dan.editor');
  const version = async (id: string) => (await sql.q<{ version: number }>('SELECT version FROM submission WHERE id = $1', [id]))[0]!.version;

  const stop = pollHealthz(base);
  let polls = { times: [] as number[], starts: [] as number[] };
  try {
    // lint of the largest template body the JSON limit lets through
    await step('tạo mẫu gần 2 MB (45 trường × 2.000 giá trị)', () => api.post(`/api/templates/${HOSTILE_CODE}-lon/versions`, admin, largestTemplateBody()));
    // the original attack: 16,000 distinct rows against maxItems 50 + uniqueItems on the shipped template
    const kcRows = Array.from({ length: 16_000 }, (_, i) => ({ maChiTieu: `MT${i}`, noiDung: 'x', vaiTro: 'chu_tri' }));
    await step('16.000 dòng vào bảng 50 dòng (mẫu Khoái Châu)', async () => api.save(kcEditor, kcSub, { II: { chiTieuDuocGiao: kcRows } }, await version(kcSub)));
    // ^(a+)+$ with 50 × "a" + "!", and the longest pattern over the longest text
    await step('^(a+)+$ với 49 × "a" + "!"', async () => api.save(editor, sub, { bang: [{ ma: 'a'.repeat(49) + '!', loai: ENUM[0], so: 1 }] }, await version(sub)));
    await step('mẫu dài nhất trên văn bản dài nhất', async () => api.save(editor, sub, { dai: 'a'.repeat(LIMIT_MAX_LENGTH - 1) + '!' }, await version(sub)));
    // the table at its maximum, all rows distinct, every cell checked against the pattern and the enum
    const rows = (ma: (i: number) => string) => Array.from({ length: ROWS }, (_, i) => ({ ma: ma(i), loai: ENUM[i % ENUM.length], so: i }));
    await step('bảng tối đa, mọi mã sai mẫu', async () => api.save(editor, sub, { bang: rows((i) => 'a'.repeat(40 + (i % 19)) + '!') }, await version(sub)));
    await step('bảng tối đa, một dòng trùng ở cuối', async () => {
      const r = rows((i) => 'a'.repeat(1 + (i % 59)));
      // distinct by `so`; the last row repeats the first
      r[ROWS - 1] = { ...r[0]! };
      return api.save(editor, sub, { bang: r }, await version(sub));
    });
    const valid = { bang: rows((i) => 'a'.repeat(1 + (i % 59))), dai: 'a'.repeat(LIMIT_MAX_LENGTH) };
    await step('bảng tối đa hợp lệ + văn bản dài nhất (lưu)', async () => api.save(editor, sub, valid, await version(sub)));
    // exports of the largest document, the three formats at once (opts.exports false: the bodies alone)
    if (opts.exports !== false)
      await Promise.all(
        (['pdf', 'docx', 'xlsx'] as const).map((f) =>
          step(`xuất ${f.toUpperCase()} văn bản lớn nhất`, () => api.get(`/api/submissions/${sub}/export?format=${f}`, editor, { timeoutMs: 600_000 })),
        ),
      );
  } finally {
    polls = await stop();
  }
  for (const o of outcomes) {
    const during = polls.times.filter((_, i) => polls.starts[i]! + polls.times[i]! >= o.start! && polls.starts[i]! <= o.end!);
    if (o.start !== undefined && during.length) o.worstHealthzMs = Math.round(Math.max(...during));
  }
  return { outcomes, healthz: polls.times, worstHealthzMs: Math.round(Math.max(0, ...polls.times)) };
}
