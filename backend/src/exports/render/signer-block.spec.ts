import { describe, expect, it } from 'vitest';
import { signerBlock } from './signer-block.js';

describe('signerBlock', () => {
  it.each([
    ['the head', { headTitle: 'Trưởng phòng', signAuthority: null, position: null }, null, 'TRƯỞNG PHÒNG'],
    ['a deputy (KT.)', { headTitle: 'TRƯỞNG PHÒNG', signAuthority: null, position: 'Phó Trưởng phòng' }, 'KT. TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG PHÒNG'],
    ['a collective (TM.)', { headTitle: 'CHỦ TỊCH', signAuthority: 'TM. ỦY BAN NHÂN DÂN', position: null }, 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    [
      'TM. and a deputy',
      { headTitle: 'CHỦ TỊCH', signAuthority: 'TM. ỦY BAN NHÂN DÂN', position: 'Phó Chủ tịch' },
      'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
    ],
    ['delegated (TL.)', { headTitle: 'GIÁM ĐỐC', signAuthority: 'TL. GIÁM ĐỐC', position: 'Chánh Văn phòng' }, 'TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG'],
  ])('%s', (_name, input, authority, title) => {
    expect(signerBlock(input)).toEqual({ authority, title });
  });
});
