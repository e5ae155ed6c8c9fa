/** Pieces of the Khoái Châu journey shared by the fault suites. */
import { khoaiChauReport } from '../../backend/src/test-support/khoai-chau-data.js';
import type { Api } from './http.js';

export { khoaiChauReport };

export const HY_SCHOOLS = [
  'mn-tan-dan', 'mn-binh-minh', 'mn-thi-tran', 'th-tan-dan', 'th-dong-tien', 'th-ham-tu', 'th-thi-tran', 'thcs-tan-dan', 'thcs-chu-van-an', 'thcs-dong-ket',
].map((s) => `kc.${s}`).concat(
  ['mn-hoa-sen', 'mn-xuan-quan', 'mn-phung-cong', 'th-xuan-quan', 'th-cuu-cao', 'th-long-hung', 'thcs-van-giang', 'thcs-tan-tien'].map((s) => `vg.${s}`),
  ['mn-luong-bang', 'mn-toan-thang', 'mn-duc-hop', 'th-luong-bang', 'th-nghia-dan', 'th-phu-thinh', 'th-chinh-nghia', 'thcs-le-quy-don', 'thcs-toan-thang'].map((s) => `kd.${s}`),
);

export const unitCode = (school: string) => school.toUpperCase().replace('.', '-');

export const figures = (n: number) => ({ total: 10 + n, women: 5 + (n % 5), managers: 2, womenManagers: 1 });

/** Saves a complete report and submits it: the submission ends in pending_signature. */
export async function fillAndSubmit(api: Api, editor: string, id: string, school: string, n = 0) {
  const cur = await api.get(`/api/submissions/${id}`, editor);
  const saved = await api.save(editor, id, khoaiChauReport(school, figures(n)), cur.body.version);
  if (saved.status !== 200) throw new Error(`save ${school}: ${saved.status} ${saved.text}`);
  const sub = await api.event(editor, id, 'SUBMIT');
  if (sub.status !== 200) throw new Error(`submit ${school}: ${sub.status} ${sub.text}`);
  return sub.body;
}
