/**
 * The signer block follows who actually signs (Nghị định 30/2020, Phụ lục I, mục II.9): the head
 * signs under the unit's own title; a deputy signs "KT. <head's title>" above their own position;
 * a collective body adds "TM. …" and a delegated signature "TL. …" on top, per the unit's rules.
 */
import { upper } from './vi-format.js';

export interface SignerBlockInput {
  /** The unit's head title, e.g. "TRƯỞNG PHÒNG" (from the unit, else the template's signerTitle). */
  headTitle: string;
  /** The unit's TM./TL. line, e.g. "TM. ỦY BAN NHÂN DÂN", or null. */
  signAuthority: string | null;
  /** The signer's position, e.g. "Phó Trưởng phòng"; null/empty for the head. */
  position: string | null;
}

export interface SignerBlock {
  /** Lines above the title ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), joined by "\n", or null. */
  authority: string | null;
  title: string;
}

const isDeputy = (p: string): boolean => /^PHÓ\s/u.test(p);

export function signerBlock(i: SignerBlockInput): SignerBlock {
  const head = upper(i.headTitle.trim());
  const position = i.position?.trim() ? upper(i.position.trim()) : '';
  const lines: string[] = [];
  if (i.signAuthority?.trim()) lines.push(upper(i.signAuthority.trim()));
  let title = head;
  if (position && position !== head) {
    // A deputy signs on the head's behalf (KT.); under TL. the position stands alone.
    if (isDeputy(position) && !lines.some((l) => l.startsWith('TL.'))) lines.push(`KT. ${head}`);
    title = position;
  }
  return { authority: lines.length ? lines.join('\n') : null, title };
}
