/**
 * Issue 13, bounded cost: the worst templates lint accepts, the worst bodies the limits allow and the
 * largest exports, against the real app process, while a second client polls /healthz.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSuiteApp } from '../support/app.js';
import { runHostileLoad, type HostileReport } from '../support/hostile.js';

let sut: Awaited<ReturnType<typeof startSuiteApp>>;
let report: HostileReport;

beforeAll(async () => {
  sut = await startSuiteApp();
  report = await runHostileLoad(sut.app.url, sut.sql);
  console.log(report.outcomes.map((o) => `${o.status} ${String(o.ms).padStart(6)} ms  (/healthz ≤ ${o.worstHealthzMs ?? "-"} ms)  ${o.step}${o.message ? ` — ${o.message.slice(0, 140)}` : ''}`).join('\n'));
  console.log(`/healthz: ${report.healthz.length} answers, worst ${report.worstHealthzMs} ms`);
}, 900_000);
afterAll(() => sut?.close());

const outcome = (step: string) => report.outcomes.find((o) => o.step === step)!;

describe('hostile load: bounded cost', () => {
  it('lint accepts the worst template (table at 5,000 rows with uniqueItems, longest pattern, largest enum, longest text)', () => {
    expect(outcome('đăng mẫu tối đa (tạo)').status).toBe(201);
    expect(outcome('đăng mẫu tối đa (công bố)').status).toBe(201);
    expect(outcome('mở đợt cho một trường').status).toBe(201);
  });

  it('lints the largest template body (near 2 MB) off the event loop: created, or refused in Vietnamese', () => {
    const o = outcome('tạo mẫu gần 2 MB (45 trường × 2.000 giá trị)');
    if (o.status !== 201) expect(o).toMatchObject({ status: 422, message: expect.stringMatching(/^Mẫu báo cáo/) });
  });

  it('refuses each over-limit or wrong body with a Vietnamese 422 naming the field', () => {
    expect(outcome('16.000 dòng vào bảng 50 dòng (mẫu Khoái Châu)')).toMatchObject({ status: 422 });
    for (const s of ['^(a+)+$ với 49 × "a" + "!"', 'mẫu dài nhất trên văn bản dài nhất', 'bảng tối đa, mọi mã sai mẫu', 'bảng tối đa, một dòng trùng ở cuối'])
      expect(outcome(s), s).toMatchObject({ status: 422, message: expect.stringMatching(/[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/) });
  });

  it('answers 5,000 wrong cells with the first 100 problems and a count of the others', () => {
    expect(outcome('bảng tối đa, mọi mã sai mẫu')).toMatchObject({
      message: expect.stringMatching(/^Biểu mẫu có 5\.000 lỗi\./),
      details: { count: 101, last: '… và 4.900 lỗi khác.' },
    });
  });

  it('accepts the largest valid body and exports it in the three formats (or says in Vietnamese that a limit was hit)', () => {
    expect(outcome('bảng tối đa hợp lệ + văn bản dài nhất (lưu)').status).toBe(200);
    for (const f of ['PDF', 'DOCX', 'XLSX']) {
      const o = outcome(`xuất ${f} văn bản lớn nhất`);
      if (o.status !== 200) expect(o, f).toMatchObject({ status: 422, message: expect.stringMatching(/^Văn bản quá lớn/) });
    }
  });

  it('every /healthz answer came within 2 s while it ran', () => {
    expect(report.healthz.length).toBeGreaterThan(20);
    expect(report.worstHealthzMs).toBeLessThan(2000);
  });
});
