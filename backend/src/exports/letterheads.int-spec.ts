import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binary } from '../test-support/binary.js';
import { docxParagraphs } from '../test-support/docx-text.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';

/**
 * Letterheads from the unit's data (Nghị định 30/2020, Phụ lục I): the top line is the unit's
 * governing body, never its tree parent; Nơi nhận comes from the round; the title from the template.
 */
describe('letterheads from data (DOCX of a school, a commune, a Phòng and a Sở)', () => {
  let sut: TestApp;
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true', RUN_JOBS: 'false' });
    for (const u of ['hy.admin', 'pt.admin']) tokens[u] = await sut.login(u, DEMO);
  });
  afterAll(() => sut?.close());

  async function docxOf(admin: string, unitCode: string) {
    const rows: { id: string }[] = await sut.sql(
      `SELECT s.id FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE o.code = $1`,
      [unitCode],
    );
    expect(rows.length).toBe(1);
    const res = await sut.http.get(`/api/submissions/${rows[0]!.id}/export?format=docx`).set(as(admin)).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const { paragraphs } = await docxParagraphs(res.body);
    const i = paragraphs.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(i).toBeGreaterThan(0);
    const recipients = paragraphs.slice(paragraphs.indexOf('Nơi nhận:') + 1, paragraphs.indexOf('Nơi nhận:') + 5);
    return { letterhead: paragraphs.slice(0, i), all: paragraphs.join('\n'), recipients, paragraphs };
  }

  it.each([
    // after 07/2025 a primary school's governing body is its commune's UBND
    ['a school', 'pt.admin', 'PT.TANLAC-TH-TAN-LAC', ['UBND XÃ TÂN LẠC', 'TRƯỜNG TIỂU HỌC TÂN LẠC'], /^Số:\s+\/BC-THTL$/, '- UBND xã Tân Lạc (để tổng hợp);', 'Tân Lạc, ngày'],
    // a commune's UBND has no cơ quan chủ quản line (not the Sở above it in the tree)
    ['a commune', 'pt.admin', 'XA-TAN-LAC', ['UBND XÃ TÂN LẠC'], /^Số:\s+\/BC-UBND$/, '- Sở Giáo dục và Đào tạo Phú Thọ (để tổng hợp);', 'Tân Lạc, ngày'],
    ['a Phòng', 'hy.admin', 'PGD-KC', ['UBND HUYỆN KHOÁI CHÂU', 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO KHOÁI CHÂU'], /^Số:\s+\/BC-PGDĐT$/, '- Sở Giáo dục và Đào tạo Hưng Yên (để tổng hợp);', 'Khoái Châu, ngày'],
    // the Sở is headed by UBND TỈNH, not by the ministry above it in the tree
    ['a Sở', 'hy.admin', 'SO-HY', ['UBND TỈNH HƯNG YÊN', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO HƯNG YÊN'], /^Số:\s+\/BC-SGDĐT$/, '- Bộ Giáo dục và Đào tạo (để báo cáo);', 'Hưng Yên, ngày'],
  ])('%s', async (_name, admin, code, letterhead, numberLine, firstRecipient, place) => {
    const d = await docxOf(admin, code);
    expect(d.letterhead.slice(0, letterhead.length)).toEqual(letterhead);
    expect(d.letterhead.find((p) => p.startsWith('Số:'))).toMatch(numberLine);
    expect(d.recipients[0]).toBe(firstRecipient);
    expect(d.recipients).toContain('- Lưu: VT.');
    expect(d.all).toContain(place);
    expect(d.all).not.toMatch(/Khoái Châu\)|Phòng GD&ĐT \(để tổng hợp\)|BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSỞ/);
    // the title (trích yếu) comes from the template and the round
    expect(d.paragraphs).toContain('BÁO CÁO');
    if (code.startsWith('PGD') || code === 'SO-HY')
      expect(d.all).toContain('Thực hiện Kế hoạch hành động vì bình đẳng giới của ngành Giáo dục và Đào tạo giai đoạn 2016-2020');
    else expect(d.all).toContain('Kết quả thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ 6 tháng đầu năm 2027');
  });

  it("Nơi nhận adds the round's fixed recipients (copied from its reporting regime) after the receiving unit", async () => {
    // The column belongs to the regimes lane's rounds; here it is made if absent, in whichever type it has.
    await sut.sql(`ALTER TABLE round ADD COLUMN IF NOT EXISTS recipients jsonb`);
    const [col] = (await sut.sql(`SELECT data_type FROM information_schema.columns WHERE table_name = 'round' AND column_name = 'recipients'`)) as { data_type: string }[];
    const list = ['Ban Vì sự tiến bộ của phụ nữ tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh'];
    if (col!.data_type === 'ARRAY') await sut.sql(`UPDATE round SET recipients = $1::text[]`, [list]);
    else await sut.sql(`UPDATE round SET recipients = $1::text::jsonb`, [JSON.stringify(list)]);
    const d = await docxOf('pt.admin', 'PT.TANLAC-TH-TAN-LAC');
    expect(d.recipients.slice(0, 3)).toEqual(['- UBND xã Tân Lạc (để tổng hợp);', '- Ban Vì sự tiến bộ của phụ nữ tỉnh;', '- Hội Liên hiệp Phụ nữ tỉnh;']);
  });

  it('the signer block follows the unit: a commune signs "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"', async () => {
    const d = await docxOf('pt.admin', 'XA-TAN-LAC');
    const i = d.paragraphs.indexOf('TM. ỦY BAN NHÂN DÂN');
    expect(i).toBeGreaterThan(0);
    expect(d.paragraphs[i + 1]).toBe('CHỦ TỊCH');
  });

  it('governingBody, shortName, headTitle and signAuthority are set on PATCH and by CSV with Vietnamese headers', async () => {
    const so = (await sut.sql(`SELECT id FROM org_unit WHERE code = 'SO-HY'`))[0] as { id: string };
    const patched = await sut.http
      .patch(`/api/org-units/${so.id}`)
      .set(as('hy.admin'))
      .send({ governingBody: 'UBND TỈNH HƯNG YÊN (MỚI)', shortName: 'SGDĐTHY', headTitle: 'GIÁM ĐỐC' });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ governingBody: 'UBND TỈNH HƯNG YÊN (MỚI)', shortName: 'SGDĐTHY', headTitle: 'GIÁM ĐỐC' });
    const bad = await sut.http.patch(`/api/org-units/${so.id}`).set(as('hy.admin')).send({ signAuthority: 'thay mặt' });
    expect(bad.status).toBe(422);
    const d = await docxOf('hy.admin', 'SO-HY');
    expect(d.letterhead[0]).toBe('UBND TỈNH HƯNG YÊN (MỚI)');
    expect(d.all).toMatch(/\/BC-SGDĐTHY/);

    const csv =
      'Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên,Địa danh,Cơ quan chủ quản,Tên viết tắt,Chức danh người đứng đầu,Thẩm quyền ký\n' +
      'KC-TH-MOI,Trường Tiểu học Mới,truong_th,PGD-KC,Khoái Châu,PHÒNG GIÁO DỤC VÀ ĐÀO TẠO KHOÁI CHÂU,THM,HIỆU TRƯỞNG,\n';
    const imported = await sut.http.post('/api/org-units/import').set(as('hy.admin')).attach('file', Buffer.from(csv), 'units.csv');
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body).toMatchObject({ ok: true, created: 1 });
    const [row] = await sut.sql(`SELECT governing_body, short_name, head_title FROM org_unit WHERE code = 'KC-TH-MOI'`);
    expect(row).toEqual({ governing_body: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO KHOÁI CHÂU', short_name: 'THM', head_title: 'HIỆU TRƯỞNG' });
    // An empty string clears a field (the screen sends every field).
    const cleared = await sut.http.patch(`/api/org-units/${so.id}`).set(as('hy.admin')).send({ governingBody: '', shortName: '', signAuthority: '' });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body).toMatchObject({ governingBody: null, shortName: null, signAuthority: null });
  });
});
