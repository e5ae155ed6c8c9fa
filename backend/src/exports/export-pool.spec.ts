import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { ExportPool } from './export-pool.js';
import { data, input } from './render/__fixtures__/render-input.js';

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ tenHoatDong: `Hoạt động số ${i + 1} `.repeat(4), ngayToChuc: '2020-03-08', soNguoiThamGia: 40, soNu: 25, coKinhPhi: true }));
const big = (n: number) => input({ data: { ...data, ketQua: { ...(data.ketQua as object), hoatDong: rows(n) } } });

/** How late a 10 ms timer fires on this (the API's) thread while the pool works. */
function watchLag() {
  let worst = 0;
  let last = performance.now();
  const t = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  return () => (clearInterval(t), worst);
}

describe(ExportPool.name, () => {
  let sut: ExportPool | undefined;
  const pool = (env: Record<string, string>) => (sut = new ExportPool(loadConfig({ DATA_DIR: '/tmp/bdg-pool', ...env })));
  afterEach(async () => sut?.onModuleDestroy());

  it('renders DOCX, PDF and XLSX in a worker thread', async () => {
    const p = pool({});
    const [docx, pdf] = await Promise.all([p.render({ format: 'docx', input: input() }), p.render({ format: 'pdf', input: input() })]);
    expect(docx.content.subarray(0, 2).toString()).toBe('PK');
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await p.render({ format: 'xlsx', input: { title: 'X', schema: input().template.schema, data } });
    expect(xlsx.content.subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('stops a render past EXPORT_TIMEOUT_SECONDS with a Vietnamese 422, the API thread never blocked', async () => {
    const p = pool({ EXPORT_TIMEOUT_SECONDS: '1' });
    const lag = watchLag();
    const err = await p.render({ format: 'pdf', input: big(4000) }).catch((e: unknown) => e);
    expect(lag()).toBeLessThan(1000);
    expect((err as { getStatus(): number }).getStatus()).toBe(422);
    expect((err as { getResponse(): { message: string } }).getResponse().message).toBe(
      'Văn bản quá lớn: dựng quá 1 giây nên đã dừng. Hãy xuất định dạng khác (Excel) hoặc chia nhỏ báo cáo.',
    );
  }, 120_000);

  it('stops a render past EXPORT_MEMORY_MB with a Vietnamese 422', async () => {
    const p = pool({ EXPORT_MEMORY_MB: '64', EXPORT_TIMEOUT_SECONDS: '600' });
    const err = await p.render({ format: 'docx', input: big(60_000) }).catch((e: unknown) => e);
    expect((err as { getStatus(): number }).getStatus()).toBe(422);
    expect((err as { getResponse(): { message: string } }).getResponse().message).toMatch(/^Văn bản quá lớn: dựng vượt giới hạn bộ nhớ 64 MB nên đã dừng\./);
    // the pool replaced the dead worker: the next export works
    expect((await p.render({ format: 'docx', input: input() })).content.length).toBeGreaterThan(1000);
  }, 300_000);
});
