import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemindersService } from '../jobs/reminders.service.js';
import { SeedService } from '../seed/seed.service.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { RegimesService } from './regimes.service.js';

const DEMO = 'Demo@2026!';

describe(RegimesService.name, () => {
  let sut: TestApp;
  let hy = '';
  let admin = '';
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
  const roundsOf = (code: string) =>
    sut.sql<{ id: string; period: string; deadlines: Record<string, string> }>(
      `SELECT r.id, r.period, r.deadlines FROM round r JOIN reporting_regime g ON g.id = r.regime_id WHERE g.code = $1 ORDER BY r.period`,
      [code],
    );

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    hy = await sut.login('hy.admin', DEMO);
    admin = await sut.login('admin');
  });
  afterAll(() => sut.close());

  it("seeds the shipped plans whose tree the demo has, each visible to its own province's admin", async () => {
    const res = await sut.http.get('/api/regimes').set(auth(hy));
    expect(res.status).toBe(200);
    const codes = res.body.items.map((r: { code: string }) => r.code);
    expect(codes).toContain('khoai-chau-bdg-6-thang');
    expect(codes).not.toContain('phu-tho-vstbpn-6-thang');
    expect(res.body.items.find((r: { code: string }) => r.code === 'khoai-chau-bdg-6-thang').editable).toBe(true);
  });

  it("seeds every shipped plan on a tree shaped like its province's, each running its first round with its recipients", async () => {
    const all = await sut.http.get('/api/regimes').set(auth(admin));
    expect(all.body.items.map((r: { code: string }) => r.code).sort()).toEqual([
      'an-giang-so-lieu-bdg', 'ba-dinh-bdg-6-thang', 'gia-lai-bdg-6-thang', 'gia-lai-bdg-nam', 'gia-lai-chien-luoc-2021-2030',
      'hoa-binh-bdg-6-thang', 'hoa-binh-bdg-nam', 'khoai-chau-bdg-6-thang', 'phu-tho-vstbpn-6-thang',
    ]);
    const fresh = ['an-giang-so-lieu-bdg', 'ba-dinh-bdg-6-thang', 'gia-lai-bdg-6-thang', 'gia-lai-bdg-nam', 'gia-lai-chien-luoc-2021-2030', 'hoa-binh-bdg-6-thang', 'hoa-binh-bdg-nam'];
    for (const code of fresh) expect(await roundsOf(code), code).toHaveLength(1);
    // Gia Lai mixes Phòng-based schools and upper-secondary schools reporting straight to the Sở.
    const gl = await sut.login('gl.admin', DEMO);
    const rounds = await sut.http.get('/api/rounds').set(auth(gl));
    const half = rounds.body.items.find((r: { name: string }) => /Gia Lai\) — 6 tháng đầu năm 2027/.test(r.name));
    expect(half.recipients).toEqual(['Bộ Giáo dục và Đào tạo', 'UBND tỉnh Gia Lai']);
    const progress = await sut.http.get(`/api/rounds/${half.id}/progress`).set(auth(gl));
    const kinds = progress.body.levels.map((l: { kind: string }) => l.kind).sort();
    expect(kinds).toEqual(['phong', 'so', 'truong_mn', 'truong_th', 'truong_thcs', 'truong_thpt']);
    // Ba Đình's rounds are rooted at the Phòng, declared by its own admin.
    const bd = await sut.login('bd.admin', DEMO);
    expect((await sut.http.get('/api/regimes').set(auth(bd))).body.items.find((r: { code: string }) => r.code === 'ba-dinh-bdg-6-thang').editable).toBe(true);
    for (const u of ['ag.admin', 'hb.admin', 'hn.admin', 'gl.pleiku.reviewer', 'gl.thpt-hung-vuong.editor', 'bd.th-ngoc-ha.head']) await sut.login(u, DEMO);
    // Governing bodies as their letterheads say (a city, a quận), not the default "UBND HUYỆN".
    const bodies = await sut.sql<{ code: string; body: string }>(`SELECT code, governing_body AS body FROM org_unit WHERE code IN ('SO-GL', 'PGD-PLEIKU', 'PGD-BD', 'GL-THPT-PLEIKU') ORDER BY code`);
    expect(bodies).toEqual([
      { code: 'GL-THPT-PLEIKU', body: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO GIA LAI' },
      { code: 'PGD-BD', body: 'UBND QUẬN BA ĐÌNH' },
      { code: 'PGD-PLEIKU', body: 'UBND THÀNH PHỐ PLEIKU' },
      { code: 'SO-GL', body: 'UBND TỈNH GIA LAI' },
    ]);
  });

  it('seeds again without adding anything', async () => {
    const count = async () => (await sut.sql<{ n: string }>(`SELECT (SELECT count(*) FROM org_unit) || '/' || (SELECT count(*) FROM app_user) || '/' || (SELECT count(*) FROM round) || '/' || (SELECT count(*) FROM reporting_regime) AS n`))[0]!.n;
    const before = await count();
    const [{ id }] = await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'BGDDT'`);
    await sut.app.get(SeedService).seedDemo(id);
    expect(await count()).toBe(before);
  });

  it('previews the next rounds with their dates, each level after the one below', async () => {
    const res = await sut.http.get('/api/regimes/khoai-chau-bdg-6-thang/preview?from=2027-01-01&count=4').set(auth(hy));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rounds.map((r: { period: string }) => r.period)).toEqual(['2027-H1', '2028-H1', '2029-H1', '2030-H1']);
    const r2027 = res.body.rounds[0];
    expect(r2027.periodLabel).toBe('6 tháng đầu năm 2027');
    expect(r2027.deadlines.map((d: { date: string }) => d.date)).toEqual(['2027-05-12', '2027-05-20', '2027-05-31']);
    expect(r2027.opensOn).toBe('2027-04-21');
    expect(r2027.findings).toEqual([]);
  });

  it('opens the round on its day (fake clock), notifies the schools, and opens it once however often it runs', async () => {
    const before = await sut.http.post('/api/regimes/open-due').set(auth(admin)).send({ today: '2027-04-20' });
    expect(before.body.opened.filter((o: { regime: string }) => o.regime === 'khoai-chau-bdg-6-thang')).toEqual([]);
    const res = await sut.http.post('/api/regimes/open-due').set(auth(admin)).send({ today: '2027-04-21' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.opened).toContainEqual(expect.objectContaining({ regime: 'khoai-chau-bdg-6-thang', period: '2027-H1', roundId: expect.any(String) }));
    const [round] = await roundsOf('khoai-chau-bdg-6-thang');
    expect(round!.deadlines).toMatchObject({ truong_th: '2027-05-12', phong: '2027-05-20', so: '2027-05-31' });
    const notes = await sut.sql<{ message: string }>(
      `SELECT n.message FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = 'kc.th-tan-dan.editor' AND n.kind = 'round-opened'`,
    );
    expect(notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/6 tháng đầu năm 2027.*12\/05\/2027/));
    const again = await sut.http.post('/api/regimes/open-due').set(auth(admin)).send({ today: '2027-04-22' });
    expect(again.body.opened.filter((o: { regime: string }) => o.regime === 'khoai-chau-bdg-6-thang')).toEqual([]);
    expect(await roundsOf('khoai-chau-bdg-6-thang')).toHaveLength(1);
  });

  it('opens each round once when two workers run the job at the same moment', async () => {
    const service = sut.app.get(RegimesService);
    const preview = await sut.http.get('/api/regimes/phu-tho-vstbpn-6-thang/preview?from=2027-01-01&count=1').set(auth(admin));
    const day = preview.body.rounds[0].opensOn as string;
    const [a, b] = await Promise.all([service.openDue(day), service.openDue(day)]);
    const opened = [...a, ...b].filter((o) => o.regime === 'phu-tho-vstbpn-6-thang');
    expect(opened.every((o) => !o.error)).toBe(true);
    expect(await roundsOf('phu-tho-vstbpn-6-thang')).toHaveLength(1);
  });

  it('reminds a school that is late on the round the regime opened', async () => {
    const reminders = sut.app.get(RemindersService);
    await reminders.runReminders(new Date('2027-05-13T03:00:00Z'));
    const late = await sut.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE u.username = 'kc.th-tan-dan.editor' AND n.kind = 'remind-late'`,
    );
    expect(late[0]!.n).toBeGreaterThan(0);
  });

  it('refuses a regime lint rejects (422, Vietnamese, with the place) and a code already taken (409)', async () => {
    const bad = await sut.http
      .post('/api/regimes')
      .set(auth(hy))
      .send({ definition: { code: 'hy-thu', name: 'Thử', template: { code: 'bdg-vstbpn-dinh-ky' }, frequency: 'year', rootUnitCode: 'SO-HY', flows: { so: 'so' }, levels: [{ kinds: ['so'], label: 'Sở', deadline: { date: '30/2' } }] } });
    expect(bad.status).toBe(422);
    expect(bad.body.details).toContainEqual(expect.objectContaining({ path: 'definition.levels.0.deadline.date', message: expect.stringMatching(/không phải ngày\/tháng hợp lệ/) }));
    const outside = await sut.http
      .post('/api/regimes')
      .set(auth(hy))
      .send({ definition: { code: 'hy-thu', name: 'Thử', template: { code: 'bdg-vstbpn-dinh-ky' }, frequency: 'year', rootUnitCode: 'SO-PT', flows: { so: 'so' }, levels: [{ kinds: ['so'], label: 'Sở', deadline: { date: '10/12' } }] } });
    expect(outside.status).toBe(422);
    const good = { code: 'hy-nam', name: 'Báo cáo năm (Hưng Yên)', template: { code: 'bdg-vstbpn-dinh-ky' }, frequency: 'year', rootUnitCode: 'SO-HY', flows: { so: 'so' }, levels: [{ kinds: ['so'], label: 'Sở GD&ĐT', deadline: { workingDaysAfterCutOff: 5 } }] };
    const created = await sut.http.post('/api/regimes').set(auth(hy)).send({ definition: good });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await sut.http.post('/api/regimes').set(auth(admin)).send({ definition: good })).status).toBe(409);
  });

  it('refuses a round whose Phòng is due on or before its schools, naming both levels', async () => {
    const [{ id }] = await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-VG'`);
    const res = await sut.http
      .post('/api/rounds')
      .set(auth(hy))
      .send({ name: 'Sai hạn', template: { code: 'bdg-vstbpn-dinh-ky', version: 1 }, rootUnitId: id, period: '2027-H2', flows: { truong_th: 'truong', phong: 'phong' }, deadlines: { truong_th: '2027-12-20', phong: '2027-12-18' } });
    expect(res.status).toBe(422);
    expect(res.body.details).toContainEqual(expect.objectContaining({ path: 'deadlines', message: expect.stringMatching(/cấp "Phòng GD&ĐT" \(18\/12\/2027\) phải sau hạn của cấp "Trường tiểu học" \(20\/12\/2027\)/) }));
  });

  it('previews an unsaved regime: its lint problems in Vietnamese, or its next rounds with their dates', async () => {
    const draft = { code: 'hy-nhap', name: 'Báo cáo năm (nháp)', template: { code: 'bdg-vstbpn-dinh-ky' }, frequency: 'year', rootUnitCode: 'SO-HY', flows: { truong_th: 'truong', phong: 'phong' }, levels: [{ kinds: ['truong_th'], label: 'trường', deadline: { date: '20/12' } }, { kinds: ['phong'], label: 'Phòng GD&ĐT', deadline: { date: '18/12' } }] };
    const res = await sut.http.post('/api/regimes/draft/preview').set(auth(hy)).send({ definition: draft, from: '2027-01-01', count: 2 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.problems).toEqual([]);
    expect(res.body.rounds.map((r: { period: string }) => r.period)).toEqual(['2027', '2028']);
    expect(res.body.rounds[0].findings).toContainEqual(expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^Hạn của cấp Phòng GD&ĐT \(20\/12\/2027\) phải sau hạn của cấp trường \(20\/12\/2027\)/) }));
    const bad = await sut.http.post('/api/regimes/draft/preview').set(auth(hy)).send({ definition: { ...draft, levels: [] } });
    expect(bad.status).toBe(200);
    expect(bad.body.problems).toContainEqual(expect.objectContaining({ path: 'definition.levels', message: 'Cần ít nhất một cấp báo cáo với hạn nộp.' }));
    expect(bad.body.rounds).toEqual([]);
  });

  it("checks the wizard's deadlines before it opens: order of levels, cut-off, days off", async () => {
    const [{ id }] = await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-VG'`);
    const res = await sut.http
      .post('/api/regimes/check-deadlines')
      .set(auth(hy))
      .send({ rootUnitId: id, period: '2027-H1', flows: { truong_th: 'truong', phong: 'phong' }, deadlines: { truong_th: '2027-06-14', phong: '2027-06-12' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const messages = res.body.findings.map((f: { severity: string; message: string }) => `${f.severity}: ${f.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^error: Hạn của cấp "Phòng GD&ĐT" \(12\/06\/2027\) phải sau hạn của cấp "Trường tiểu học"/));
    expect(messages).toContainEqual(expect.stringMatching(/^warning: Hạn của cấp "Trường tiểu học" \(14\/06\/2027\) chưa cách ngày chốt số liệu/));
    expect(messages).toContainEqual(expect.stringMatching(/^warning: Hạn của cấp "Phòng GD&ĐT" \(12\/06\/2027\) là ngày nghỉ cuối tuần; ngày làm việc tiếp theo là 14\/06\/2027\.$/));
    // a deadline centuries away is refused at once, naming the accepted years (no calendar walked up to it)
    const year = new Date().getUTCFullYear();
    const far = await sut.http
      .post('/api/regimes/check-deadlines')
      .set(auth(hy))
      .send({ rootUnitId: id, period: '2027-H1', flows: { truong_th: 'truong' }, deadlines: { truong_th: '2999-06-14' } });
    expect(far.body.findings).toEqual([{ severity: 'error', message: `Hạn nộp của "Trường tiểu học" phải trong khoảng từ năm ${year - 5} đến năm ${year + 10}.` }]);
    const open = await sut.http
      .post('/api/rounds')
      .set(auth(hy))
      .send({ name: 'Đợt xa', template: { code: 'khoai-chau-bdg-2016-2020', version: 1 }, rootUnitId: id, period: '2027-H1', flows: { truong_th: 'truong' }, deadlines: { truong_th: '2999-06-14' } });
    expect(open.status).toBe(422);
    expect(open.body.details).toEqual([{ path: 'deadlines.truong_th', title: 'Hạn nộp theo cấp', message: expect.stringMatching(/^Hạn nộp của "truong_th" phải trong khoảng từ năm/) }]);
    const editor = await sut.login('kc.reviewer', DEMO);
    expect((await sut.http.post('/api/regimes/check-deadlines').set(auth(editor)).send({ rootUnitId: id, period: '2027', flows: {}, deadlines: {} })).status).toBe(403);
  });
});
