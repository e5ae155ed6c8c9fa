/** Test material shared by the API integration test (submissions/renamed-flow.int-spec.ts) and the browser suite (test/e2e/renamed-flow.e2e.ts). */
const all = (...guards: unknown[]) => ({ type: 'all', params: { guards } });
const editorOwn = all({ type: 'hasRole', params: { role: 'editor' } }, 'isOwnUnit', 'formIsValid');
const deputyOwn = (...more: unknown[]) => all({ type: 'hasRole', params: { role: 'pho_hieu_truong' } }, 'isOwnUnit', ...more);

/**
 * A province's own flow, published through the API: every state renamed (it ends in `da_duyet`),
 * a deputy principal's approval step with a province-defined role, tags for meaning. No code in the
 * backend knows these names: counts, reminders, dashboards, stale marking and compiling follow the tags.
 */
export const provinceFlow = {
  id: 'truong-pht',
  initial: 'soan_thao',
  meta: { label: 'Trường — phó hiệu trưởng duyệt trước khi ký', format: 3 },
  states: {
    soan_thao: { meta: { label: 'Đang soạn thảo' }, tags: ['editing'], on: { GUI_DUYET: { target: 'cho_pht', guard: editorOwn, meta: { label: 'Gửi phó hiệu trưởng' } } } },
    cho_pht: {
      meta: { label: 'Chờ phó hiệu trưởng duyệt' },
      tags: ['awaitingApproval'],
      on: {
        PHT_DUYET: { target: 'cho_ky', guard: deputyOwn(), meta: { label: 'Phó hiệu trưởng duyệt' } },
        PHT_TRA: { target: 'soan_thao', guard: deputyOwn('hasComment'), actions: ['unlockData'], meta: { label: 'Trả lại người nhập' } },
      },
    },
    cho_ky: {
      meta: { label: 'Chờ hiệu trưởng ký' },
      tags: ['awaitingSignature'],
      on: { KY: { target: 'da_gui', guard: all({ type: 'hasRole', params: { role: 'head' } }, 'isOwnUnit'), actions: ['lockData', 'sign'], meta: { label: 'Ký gửi Phòng' } } },
    },
    da_gui: {
      meta: { label: 'Đã gửi Phòng' },
      tags: ['submitted'],
      on: {
        DUYET: { target: 'da_duyet', guard: 'isParentReviewer', meta: { label: 'Duyệt' } },
        TRA_VE: { target: 'bi_tra', guard: all('isParentReviewer', 'hasComment'), actions: ['unlockData'], meta: { label: 'Trả về' } },
      },
    },
    bi_tra: { meta: { label: 'Bị Phòng trả về' }, tags: ['returned'], on: { GUI_DUYET: { target: 'cho_pht', guard: editorOwn, meta: { label: 'Gửi lại' } } } },
    da_duyet: { type: 'final', meta: { label: 'Đã duyệt' }, tags: ['done'] },
  },
};
