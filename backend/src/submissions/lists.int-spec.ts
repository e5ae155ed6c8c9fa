import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';
const SCHOOL = 'kc.th-dong-tien';

/** Paged lists (`?page=&pageSize=&q=&sort=` → `{items, total, page, pageSize}`) and the work lists by tags. */
describe('paged lists', () => {
  let sut: TestApp;
  const tokens: Record<string, string> = {};
  let roundId = '';
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const get = (user: string, url: string) => sut.http.get(url).set(as(user));
  const unit = async (code: string) => (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = $1`, [code]))[0]!.id;

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    for (const u of [`${SCHOOL}.editor`, `${SCHOOL}.head`, 'kc.reviewer', 'hy.admin']) tokens[u] = await sut.login(u, DEMO);
    roundId = (await get('hy.admin', '/api/rounds')).body.items.find((r: { templateCode: string }) => r.templateCode === 'khoai-chau-bdg-2016-2020').id;
  });
  afterAll(() => sut.close());

  it('answers a page with the total across pages, and the boundaries hold', async () => {
    const pgd = await unit('PGD-KC');
    const all = await get('hy.admin', `/api/org-units?parentId=${pgd}&pageSize=500`);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 500, total: all.body.items.length });
    const total = all.body.total as number;
    expect(total).toBeGreaterThan(4);
    const codes: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 2); page++) {
      const res = await get('hy.admin', `/api/org-units?parentId=${pgd}&pageSize=2&page=${page}`);
      expect(res.body).toMatchObject({ total, page, pageSize: 2 });
      expect(res.body.items.length).toBe(Math.min(2, total - (page - 1) * 2));
      codes.push(...res.body.items.map((u: { code: string }) => u.code));
    }
    expect(codes).toEqual(all.body.items.map((u: { code: string }) => u.code));
    const past = await get('hy.admin', `/api/org-units?parentId=${pgd}&pageSize=2&page=${total + 1}`);
    expect(past.body).toMatchObject({ items: [], total });
    const byDefault = await get('hy.admin', `/api/org-units?parentId=${pgd}`);
    expect(byDefault.body.pageSize).toBe(50);
  });

  it('refuses a page size over 500 and an unknown sort column with a Vietnamese 422 naming the field', async () => {
    const big = await get('hy.admin', '/api/submissions?pageSize=501');
    expect(big.status).toBe(422);
    expect(big.body.details[0]).toMatchObject({ path: 'pageSize', title: 'Số dòng mỗi trang' });
    expect(big.body.message).toMatch(/Số dòng mỗi trang.*500/);
    expect((await get('hy.admin', '/api/submissions?pageSize=500')).status).toBe(200);
    for (const url of ['/api/submissions?sort=password', '/api/org-units?sort=-path', '/api/users?sort=passwordHash', '/api/templates?sort=schema']) {
      const res = await get('hy.admin', url);
      expect(res.status, url).toBe(422);
      expect(res.body.details[0], url).toMatchObject({ path: 'sort', title: 'Sắp xếp' });
      expect(res.body.message, url).toMatch(/Không sắp xếp được theo/);
    }
    const injection = await get('hy.admin', `/api/submissions?sort=${encodeURIComponent('name;DROP TABLE submission')}`);
    expect(injection.status).toBe(422);
    expect((await get('hy.admin', '/api/submissions?page=0')).status).toBe(422);
    expect((await get('hy.admin', '/api/notifications?pageSize=abc')).status).toBe(422);
  });

  it('sorts by a whitelisted column, both ways', async () => {
    const asc = (await get('hy.admin', `/api/submissions?roundId=${roundId}&sort=unitName&pageSize=500`)).body.items.map((s: { unitName: string }) => s.unitName);
    const desc = (await get('hy.admin', `/api/submissions?roundId=${roundId}&sort=-unitName&pageSize=500`)).body.items.map((s: { unitName: string }) => s.unitName);
    expect(asc.length).toBeGreaterThan(3);
    expect(desc).toEqual([...asc].reverse());
  });

  it('pages by cursor ("after") through the same rows as by page number, in every order, and refuses a foreign cursor', async () => {
    for (const base of [`/api/submissions?roundId=${roundId}`, `/api/submissions?roundId=${roundId}&sort=-deadline`, `/api/submissions?roundId=${roundId}&sort=-unitName`, '/api/org-units?q=truong', '/api/org-units?q=truong&sort=-name']) {
      const all = (await get('hy.admin', `${base}&pageSize=500`)).body;
      expect(all.items.length, base).toBeGreaterThan(4);
      expect(all.nextCursor, base).toBeNull();
      const walked: string[] = [];
      let after: string | null = null;
      for (let page = 1; page <= 50; page++) {
        const res = await get('hy.admin', `${base}&pageSize=3&page=${page}${after ? `&after=${after}` : ''}`);
        expect(res.status, base).toBe(200);
        expect(res.body, base).toMatchObject({ page, pageSize: 3, total: all.total });
        walked.push(...res.body.items.map((x: { id: string }) => x.id));
        after = res.body.nextCursor;
        if (!after) break;
      }
      expect(walked, base).toEqual(all.items.map((x: { id: string }) => x.id));
    }
    const first = (await get('hy.admin', `/api/submissions?roundId=${roundId}&pageSize=2`)).body;
    // a list item carries only what the tables show
    expect(Object.keys(first.items[0]).sort()).toEqual(
      ['deadline', 'final', 'handedIn', 'id', 'parentUnitKind', 'parentUnitName', 'roundId', 'roundName', 'state', 'stateLabel', 'stateTags', 'status', 'templateCode', 'unitCode', 'unitId', 'unitKind', 'unitName', 'updatedAt', 'version'].sort(),
    );
    const foreign = await get('hy.admin', `/api/submissions?roundId=${roundId}&sort=-deadline&after=${first.nextCursor}`);
    expect(foreign.status).toBe(422);
    expect(foreign.body.details[0]).toMatchObject({ path: 'after', title: 'Con trỏ trang tiếp theo' });
    expect((await get('hy.admin', `/api/submissions?after=${encodeURIComponent('not a cursor!')}`)).status).toBe(422);
  });

  it('searches org units without accents: "dai hung" finds "Đại Hưng", "DONG TIEN" finds "Đông Tiến"', async () => {
    const pgd = await unit('PGD-KC');
    const created = await sut.http
      .post('/api/org-units')
      .set(as('hy.admin'))
      .send({ code: 'KC-TH-DAI-HUNG', name: 'Trường Tiểu học Đại Hưng', kind: 'truong_th', parentId: pgd });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (const q of ['dai hung', 'ĐẠI HƯNG', 'Đai hung', 'tieu hoc dai']) {
      const res = await get('hy.admin', `/api/org-units?q=${encodeURIComponent(q)}`);
      expect(res.body.items.map((u: { code: string }) => u.code), q).toEqual(['KC-TH-DAI-HUNG']);
    }
    const dong = await get('kc.reviewer', `/api/org-units?q=${encodeURIComponent('DONG TIEN')}`);
    expect(dong.body.items.map((u: { code: string }) => u.code)).toContain('KC-TH-DONG-TIEN');
    // wildcards in the search are literal
    expect((await get('hy.admin', `/api/org-units?q=${encodeURIComponent('%_')}`)).body.total).toBe(0);
  });

  it('searches submissions and users without accents', async () => {
    const subs = await get('kc.reviewer', `/api/submissions?roundId=${roundId}&q=${encodeURIComponent('dong tien')}`);
    expect(subs.status).toBe(200);
    expect(subs.body.items.map((s: { unitCode: string }) => s.unitCode)).toEqual(['KC-TH-DONG-TIEN']);
    expect(subs.body.total).toBe(1);
    const users = await get('hy.admin', `/api/users?q=${encodeURIComponent('th-dong-tien.editor')}`);
    expect(users.body.items.map((u: { username: string }) => u.username)).toEqual([`${SCHOOL}.editor`]);
  });

  it('classifies "Việc cần làm", "Đã gửi" and "Đã xong" by the state tags', async () => {
    const list = async (which: string) => (await get(`${SCHOOL}.editor`, `/api/my-work?list=${which}`)).body;
    const ids = (page: { items: { id: string; roundId: string }[] }) => page.items.filter((w) => w.roundId === roundId).map((w) => w.id);
    const todo = await list('todo');
    expect(todo).toMatchObject({ page: 1, pageSize: 50 });
    const id: string = todo.items.find((w: { roundId: string }) => w.roundId === roundId).id;
    expect(ids(await list('sent'))).toEqual([]);
    expect(ids(await list('done'))).toEqual([]);

    const cur = (await get(`${SCHOOL}.editor`, `/api/submissions/${id}`)).body;
    const saved = await sut.http.put(`/api/submissions/${id}/data`).set(as(`${SCHOOL}.editor`)).send({ data: khoaiChauReport(SCHOOL, { total: 10, women: 5, managers: 2, womenManagers: 1 }), version: cur.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const event = (user: string, type: string) => sut.http.post(`/api/submissions/${id}/events`).set(as(user)).send({ type });
    expect((await event(`${SCHOOL}.editor`, 'SUBMIT')).status).toBe(200);
    expect((await event(`${SCHOOL}.head`, 'SIGN')).status).toBe(200);

    expect(ids(await list('todo'))).not.toContain(id);
    const sent = await list('sent');
    expect(ids(sent)).toEqual([id]);
    const mine = sent.items.find((s: { id: string }) => s.id === id);
    expect(mine.stateTags).toContain('submitted');
    // the level above is named from the tree, never from the flow
    const pgdName = (await sut.sql<{ name: string }>(`SELECT name FROM org_unit WHERE code = 'PGD-KC'`))[0]!.name;
    expect(mine).toMatchObject({ parentUnitName: pgdName, parentUnitKind: 'phong', stateLabel: `Đã gửi, chờ ${pgdName} duyệt` });
    expect(ids(await list('done'))).toEqual([]);
    // the search works on these lists too
    expect((await get(`${SCHOOL}.editor`, `/api/my-work?list=sent&q=${encodeURIComponent('đông tiến')}`)).body.total).toBeGreaterThan(0);
    expect((await get(`${SCHOOL}.editor`, `/api/my-work?list=sent&q=khong-co-dau`)).body.total).toBe(0);

    expect((await event('kc.reviewer', 'ACCEPT')).status).toBe(200);
    expect(ids(await list('sent'))).toEqual([]);
    const done = await list('done');
    expect(ids(done)).toEqual([id]);
    expect(done.items[0].final || done.items[0].stateTags.includes('done')).toBe(true);
    expect((await get(`${SCHOOL}.editor`, '/api/my-work?list=later')).status).toBe(422);

    const history = await get('kc.reviewer', `/api/submissions/${id}/history?pageSize=2&sort=-seq`);
    expect(history.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(history.body.items.map((h: { event: string }) => h.event)).toEqual(['ACCEPT', 'SIGN']);
  });

  it('a school under a commune (from 7/2025) waits for the commune, named from the tree', async () => {
    const [sub] = await sut.sql<{ id: string; parent: string }>(
      `SELECT s.id, s.parent_unit_id AS parent FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE o.code = 'KC-TH-HAM-TU' AND s.round_id = $1`,
      [roundId],
    );
    const xa = await unit('XA-TAN-LAC');
    // the same flow ("truong") as under a Phòng: only the tree differs
    await sut.sql(`UPDATE submission SET parent_unit_id = $2, state = 'submitted', state_tags = '{submitted}' WHERE id = $1`, [sub!.id, xa]);
    try {
      const view = (await get('hy.admin', `/api/submissions/${sub!.id}`)).body;
      expect(view).toMatchObject({ parentUnitName: 'UBND xã Tân Lạc', parentUnitKind: 'xa', stateLabel: 'Đã gửi, chờ UBND xã Tân Lạc duyệt' });
      expect(JSON.stringify(view)).not.toContain('Phòng GD&ĐT');
    } finally {
      await sut.sql(`UPDATE submission SET parent_unit_id = $2, state = 'draft', state_tags = '{editing}' WHERE id = $1`, [sub!.id, sub!.parent]);
      }
    });

  it('pages "Việc cần làm" in the database: the tabs count the whole list, the pages walk it, a tab filters it', async () => {
    for (const user of ['kc.reviewer', `${SCHOOL}.head`, 'kc.th-tan-dan.editor']) {
      tokens[user] ??= await sut.login(user, DEMO);
      const all = (await get(user, '/api/my-work?pageSize=500')).body;
      const counts = Object.values(all.taskCounts as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(all.total, user).toBe(counts);
      expect(all.items.length, user).toBe(all.total);
      const walked: string[] = [];
      for (let page = 1; page <= all.total; page++) walked.push(...(await get(user, `/api/my-work?pageSize=1&page=${page}`)).body.items.map((w: { id: string }) => w.id));
      expect(walked, user).toEqual(all.items.map((w: { id: string }) => w.id));
      for (const [task, n] of Object.entries(all.taskCounts as Record<string, number>)) {
        const tab = (await get(user, `/api/my-work?task=${task}&pageSize=500`)).body;
        expect(tab.total, `${user} ${task}`).toBe(n);
        expect(tab.items.every((w: { task: string }) => w.task === task), `${user} ${task}`).toBe(true);
      }
    }
  });

  it('a flow stored before the placeholder (format 2) is read with it, its row untouched (upgradeFlow, no migration)', async () => {
    const stored = async () => (await sut.sql<{ machine: string; version: number }>(`SELECT machine::text AS machine, version FROM flow_version WHERE code = 'truong' ORDER BY version DESC LIMIT 1`))[0]!;
    const now = await stored();
    expect(now.machine).toContain('"label": "Đã gửi, chờ {parentUnitName} duyệt"');
    // as installed before: the level named in the flow, format 2
    await sut.sql(
      `UPDATE flow_version SET machine = jsonb_set(replace(machine::text, '{parentUnitName}', 'Phòng GD&ĐT')::jsonb, '{meta,format}', '2') WHERE code = 'truong' AND version = $1`,
      [now.version],
    );
    try {
      const old = (await stored()).machine;
      const read = (await get('hy.admin', `/api/flows/truong/versions/${now.version}`)).body;
      expect(JSON.stringify(read.machine)).toContain('"label":"Đã gửi, chờ {parentUnitName} duyệt"');
      expect(JSON.stringify(read.machine)).not.toContain('chờ Phòng GD&ĐT duyệt');
      expect((await stored()).machine).toBe(old);
    } finally {
      await sut.sql(`UPDATE flow_version SET machine = $1::jsonb WHERE code = 'truong' AND version = $2`, [now.machine, now.version]);
    }
  });

  it('pages the small catalogues and the notifications with the same answer shape', async () => {
    for (const url of ['/api/templates', '/api/flows', '/api/regimes', '/api/roles', '/api/rounds', '/api/notifications']) {
      const res = await get('hy.admin', `${url}?pageSize=1`);
      expect(res.status, url).toBe(200);
      expect(res.body, url).toMatchObject({ page: 1, pageSize: 1, total: expect.any(Number) });
      expect(res.body.items.length, url).toBe(Math.min(1, res.body.total));
    }
    const roles = await get('hy.admin', `/api/roles?q=${encodeURIComponent('nguoi nhap')}`);
    expect(roles.body.items.map((r: { code: string }) => r.code)).toEqual(['editor']);
  });
});
