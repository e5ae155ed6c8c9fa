/**
 * Paging of the progress units (DESIGN "Second stage": `?page=&pageSize=&q=&sort=` → `{items, total, page,
 * pageSize}`, default 50, max 500). A minimal local copy until the shared helper of the "lists" work lands
 * in common/; same parameter names and answer shape.
 */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageOf(q: { page?: number; pageSize?: number }) {
  const page = Math.max(1, Math.floor(q.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(q.pageSize ?? DEFAULT_PAGE_SIZE)));
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** Vietnamese letters without their marks (and đ → d), lower case: "Đại Hưng" and "dai hung" meet. */
const FROM = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ';
const TO = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';

export function foldText(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC').toLowerCase()) {
    const i = FROM.indexOf(ch);
    out += i >= 0 ? TO[i] : ch;
  }
  return out;
}

/** The same folding in SQL, for a column (no extension needed; children of one unit are few). */
export const foldSql = (expr: string) => `translate(lower(${expr}), '${FROM}', '${TO}')`;
