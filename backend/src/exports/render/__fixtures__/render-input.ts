/** What every renderer spec renders: the school fixture, a complete input, and the shipped templates. */
import { readFileSync } from 'node:fs';
import { readWorkspaceJson } from '../../../common/pure-files.js';
import type { DocumentInput } from '../types.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));

export const template = fixture('truong-bdg.template.json') as DocumentInput['template'];
export const data = fixture('truong-bdg.data.json') as Record<string, unknown>;

export function input(over: Partial<DocumentInput> = {}): DocumentInput {
  return {
    template,
    data,
    unit: { name: 'Trường THCS Đông Tảo', parentName: 'Phòng GD&ĐT Khoái Châu', code: 'thcs-dong-tao' },
    place: 'Khoái Châu',
    date: new Date('2020-05-12T03:00:00Z'),
    number: '12',
    signer: { fullName: 'Nguyễn Thị Hương', title: 'Hiệu trưởng' },
    draft: false,
    signatureHash: 'a3f1c2d4e5b6a7980011223344556677889900aabbccddeeff00112233445566',
    ...over,
  };
}

/** The templates in schemas/templates, read as the seeder reads them, named by code and version. */
export const shippedTemplates: [string, DocumentInput['template'] & { uiSchema: object }][] = (
  readWorkspaceJson('@bdg/schemas', 'templates') as (DocumentInput['template'] & { uiSchema: object })[]
).map((t) => [`${t.code}.v${t.version}`, t]);
