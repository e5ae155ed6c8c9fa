import { describe, expect, it } from 'vitest';
import { actionLabel, detailText, entityLabel } from './audit-labels';

describe('audit labels', () => {
  it.each([
    ['save', 'Lưu dữ liệu'],
    ['event:SUBMIT', 'Bước quy trình: SUBMIT'],
    ['signature-image:set', 'Cập nhật ảnh chữ ký'],
    ['something-new', 'something-new'],
  ])('names the action %s as %s', (action, label) => expect(actionLabel(action)).toBe(label));

  it('names the entity, or shows it as recorded', () => {
    expect(entityLabel('org_unit')).toBe('Đơn vị');
    expect(entityLabel('widget')).toBe('widget');
  });

  it('writes the details on one line, and says when the server left them out', () => {
    expect(detailText({ version: 3, code: 'bdg', roles: ['admin'] })).toBe('version: 3; code: bdg; roles: ["admin"]');
    expect(detailText({})).toBe('');
    expect(detailText(null)).toBe('(chi tiết quá dài, không hiển thị)');
  });
});
