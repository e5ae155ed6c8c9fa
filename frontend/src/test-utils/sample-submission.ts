import type { Submission } from '../shared/api/types';

/** The content hash the sample report is shown with: every event sends it back. */
export const SAMPLE_CONTENT_HASH = 'c'.repeat(64);

/** A school's report as the API returns it; each spec states only what its case is about. */
export function sampleSubmission(over: Partial<Submission> = {}): Submission {
  return {
    id: 's1',
    roundId: 'r1',
    roundName: 'Báo cáo 6 tháng đầu năm 2025',
    unitId: 'u1',
    unitCode: 'TH01',
    unitName: 'Trường TH Kim Đồng',
    unitKind: 'truong_th',
    parentUnitId: 'p1',
    parentUnitName: 'Phòng GD&ĐT',
    parentUnitKind: 'phong',
    templateCode: 'bdg-truong',
    templateVersion: 1,
    flowCode: 'truong',
    state: 'draft',
    stateLabel: 'Đang soạn',
    stateTags: ['editing'],
    status: 'editing',
    handedIn: false,
    final: false,
    locked: false,
    version: 3,
    deadline: null,
    updatedAt: '2025-06-01T07:32:00.000Z',
    data: {},
    rawInputs: {},
    editable: true,
    allowedEvents: [],
    signature: null,
    fieldComments: [],
    compiled: null,
    contentHash: SAMPLE_CONTENT_HASH,
    findings: [],
    missingRequired: null,
    coverage: null,
    ...over,
  };
}
