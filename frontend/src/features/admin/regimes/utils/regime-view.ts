/** How the regime screen words a regime and its planned rounds (pure, tested beside it). */
import type { Frequency, PlannedRound, Regime } from '@bdg/regimes';

const FREQUENCY_LABEL: Record<Frequency, string> = {
  'half-year': '6 tháng',
  year: 'Năm',
  quarter: 'Quý',
  'multi-year': 'Giai đoạn nhiều năm',
  'ad-hoc': 'Đột xuất',
};

export function frequencyLabel(f: Frequency): string {
  return FREQUENCY_LABEL[f] ?? f;
}

/** yyyy-mm-dd → dd/mm/yyyy. */
export function viDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
}

/** One line per level: "trường: 12/05/2027", with the move off a holiday when there was one. */
export function deadlineLines(round: PlannedRound): string[] {
  return round.deadlines.map((d) => `${d.label}: ${viDate(d.date)}${d.requested ? ` (dời từ ${viDate(d.requested)})` : ''}`);
}

/** A starting point for a new regime: the shape of the shipped plans, in the admin's own subtree. */
export function regimeExample(rootUnitCode: string): Regime {
  return {
    code: 'bao-cao-6-thang',
    name: 'Báo cáo 6 tháng công tác bình đẳng giới',
    template: { code: 'bdg-vstbpn-dinh-ky' },
    frequency: 'half-year',
    halves: [1],
    rootUnitCode,
    flows: { truong_th: 'truong', phong: 'phong', so: 'so' },
    levels: [
      { kinds: ['truong_th'], label: 'trường', deadline: { date: '30/5' } },
      { kinds: ['phong'], label: 'Phòng GD&ĐT', deadline: { date: '5/6' } },
      { kinds: ['so'], label: 'Sở GD&ĐT', deadline: { date: '10/6' } },
    ],
  };
}
