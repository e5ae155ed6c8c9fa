/** Độ đầy đủ của một báo cáo tổng hợp: bao nhiêu đơn vị trực thuộc đã có trong số liệu. */
export interface Coverage {
  /** Số đơn vị trực thuộc mà số liệu tổng hợp đã gồm */
  included: number;
  /** Số đơn vị trực thuộc phải báo cáo trong đợt */
  expected: number;
  missing: { unitId: string; unitCode?: string; unitName: string; state: string; stateLabel?: string }[];
}

export const isComplete = (c: Pick<Coverage, 'included' | 'expected'>): boolean => c.included >= c.expected;

/** "Báo cáo này tổng hợp 2/10 đơn vị; chưa có: …" — cùng một câu trên mọi màn hình và văn bản. */
export function coverageSentence(c: Coverage, limit = 20): string {
  const head = `Báo cáo này tổng hợp ${c.included}/${c.expected} đơn vị`;
  if (!c.missing.length) return `${head}.`;
  const names = c.missing.slice(0, limit).map((m) => m.unitName).join(', ');
  const more = c.missing.length > limit ? ` và ${c.missing.length - limit} đơn vị khác` : '';
  return `${head}; chưa có: ${names}${more}.`;
}

/** Tỷ lệ đã có (0–100, làm tròn), để bảng theo dõi tính "đã xong" theo độ đầy đủ. */
export function coveragePercent(c: Pick<Coverage, 'included' | 'expected'>): number {
  return c.expected > 0 ? Math.round((c.included / c.expected) * 100) : 100;
}
