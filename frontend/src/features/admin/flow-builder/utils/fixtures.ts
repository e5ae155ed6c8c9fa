/** The shipped `truong` flow (workflows/flows), in the @bdg/workflows format. */
export const truongFlow = {
  id: 'truong',
  version: 1,
  meta: { label: 'Trường học (v1)' },
  initial: 'draft',
  states: {
    draft: {
      meta: { label: 'Soạn thảo' },
      on: {
        SUBMIT: {
          target: 'pending_signature',
          guard: {
            type: 'all',
            params: { guards: [{ type: 'hasRole', params: { role: 'editor' } }, 'formIsValid'] },
          },
          actions: ['lockData', { type: 'notify', params: { to: ['unitHeads'] } }],
          meta: { label: 'Gửi ký' },
        },
      },
    },
    pending_signature: {
      meta: { label: 'Chờ ký' },
      on: {
        SIGN: {
          target: 'submitted',
          guard: { type: 'hasRole', params: { role: 'head' } },
          actions: 'sign',
          meta: { label: 'Hiệu trưởng ký' },
        },
        REJECT: [
          {
            target: 'draft',
            guard: 'hasComment',
            actions: ['unlockData'],
            meta: { label: 'Trả lại để sửa' },
          },
        ],
      },
    },
    submitted: {
      meta: { label: 'Đã gửi' },
      on: {
        ACCEPT: { target: 'accepted', guard: 'isParentReviewer', meta: { label: 'Chấp nhận' } },
        RETURN: {
          target: 'returned',
          guard: { type: 'all', params: { guards: ['isParentReviewer', 'hasComment'] } },
          actions: ['unlockData'],
          meta: { label: 'Phòng trả lại' },
        },
      },
    },
    returned: {
      meta: { label: 'Bị trả lại' },
      description: 'Sửa theo ý kiến',
      on: { SUBMIT: 'pending_signature' },
    },
    accepted: { type: 'final', meta: { label: 'Đã chấp nhận', color: 'green' }, tags: ['done'] },
  },
};
