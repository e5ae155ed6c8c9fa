import { expect } from 'vitest';
import { khoaiChauReport } from './khoai-chau-data.js';
import type { TestApp } from './test-app.js';

const DEMO = 'Demo@2026!';
const VAN_BAN = { soVanBan: '45', ngayBanHanh: '2020-05-20', nguoiKy: 'Người ký' };
const USERS = ['kc.th-tan-dan.editor', 'kc.th-tan-dan.head', 'kc.reviewer', 'kc.head', 'hy.so.reviewer', 'hy.so.head', 'hy.admin'];

/**
 * The Sở Hưng Yên's report up to its head's signature (demo data): a school's report signed and accepted, the
 * Phòng Khoái Châu's compiled, signed and accepted, the Sở's compiled and submitted. Logs the users in
 * (`tokens`) and answers the Sở's submission id.
 */
export async function soReportAwaitingSignature(sut: TestApp, tokens: Record<string, string>): Promise<string> {
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const event = async (u: string, id: string, type: string) => {
    const r = await sut.http.post(`/api/submissions/${id}/events`).set(as(u)).send({ type });
    expect(r.status, `${type}: ${JSON.stringify(r.body)}`).toBe(200);
  };
  const get = async (u: string, id: string) => (await sut.http.get(`/api/submissions/${id}`).set(as(u))).body;
  const saveAs = async (u: string, id: string, data: object) => {
    const r = await sut.http.put(`/api/submissions/${id}/data`).set(as(u)).send({ data, version: (await get(u, id)).version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  for (const u of USERS) tokens[u] = await sut.login(u, DEMO);
  const school = (await sut.http.get('/api/my-work').set(as('kc.th-tan-dan.editor'))).body.items.find((w: { templateCode: string }) => w.templateCode === 'khoai-chau-bdg-2016-2020');
  await saveAs('kc.th-tan-dan.editor', school.id, khoaiChauReport('kc.th-tan-dan', { total: 40, women: 30, managers: 3, womenManagers: 2 }));
  for (const [u, e] of [['kc.th-tan-dan.editor', 'SUBMIT'], ['kc.th-tan-dan.head', 'SIGN'], ['kc.reviewer', 'ACCEPT']] as const) await event(u, school.id, e);
  const listed = await sut.http.get(`/api/submissions?roundId=${school.roundId}`).set(as('hy.so.reviewer'));
  expect(listed.status, JSON.stringify(listed.body).slice(0, 300)).toBe(200);
  const items = (Array.isArray(listed.body) ? listed.body : listed.body.items) as { id: string; unitCode: string }[];
  const phongId = items.find((x) => x.unitCode === 'PGD-KC')!.id;
  const soId = items.find((x) => x.unitCode === 'SO-HY')!.id;
  await event('kc.reviewer', phongId, 'COMPILE');
  await saveAs('kc.reviewer', phongId, { ...(await get('kc.reviewer', phongId)).data, vanBan: VAN_BAN });
  for (const [u, e] of [['kc.reviewer', 'SUBMIT'], ['kc.head', 'SIGN'], ['hy.so.reviewer', 'ACCEPT']] as const) await event(u, phongId, e);
  await event('hy.so.reviewer', soId, 'COMPILE');
  await saveAs('hy.so.reviewer', soId, { ...(await get('hy.so.reviewer', soId)).data, vanBan: VAN_BAN });
  await event('hy.so.reviewer', soId, 'SUBMIT');
  return soId;
}
