/**
 * The actions a flow definition may name (documented in README.md): each is returned as an effect for
 * the caller to run; here their Vietnamese names, explanations and parameters, for the builder and lint.
 */
import type { EffectType, NamedRef } from './types.js';
import type { JsonSchema } from './mini-schema.js';

/** The parameters of a guard or action that takes none. */
export const noParams: JsonSchema = { type: 'object', additionalProperties: false, properties: {} };

export const RECIPIENTS = ['unitEditors', 'unitHeads', 'unitReviewers', 'parentReviewers'] as const;
export const recipientLabels: Readonly<Record<(typeof RECIPIENTS)[number], string>> = {
  unitEditors: 'Người nhập liệu của đơn vị',
  unitHeads: 'Thủ trưởng đơn vị',
  unitReviewers: 'Người duyệt của đơn vị',
  parentReviewers: 'Người duyệt của đơn vị cấp trên',
};

export interface ActionDescriptor {
  name: EffectType;
  label: string;
  description: string;
  params: JsonSchema;
}

export const actionVocabulary: readonly ActionDescriptor[] = [
  {
    name: 'lockData',
    label: 'Khoá dữ liệu',
    description: 'Khoá nội dung báo cáo: không ai sửa được nữa.',
    params: noParams,
  },
  {
    name: 'unlockData',
    label: 'Mở khoá dữ liệu',
    description: 'Mở khoá để đơn vị sửa lại báo cáo.',
    params: noParams,
  },
  {
    name: 'sign',
    label: 'Ký số',
    description: 'Ghi chữ ký: SHA-256 của nội dung chuẩn hoá, người ký và thời điểm ký.',
    params: noParams,
  },
  {
    name: 'compileChildren',
    label: 'Tổng hợp đơn vị trực thuộc',
    description:
      'Tổng hợp số liệu từ báo cáo của các đơn vị trực thuộc có trạng thái mang nhãn đã chọn (mặc định: done — đã xong).',
    params: {
      type: 'object',
      additionalProperties: false,
      properties: {
        childTags: {
          type: 'array',
          title: 'Nhãn trạng thái của báo cáo con được tổng hợp',
          minItems: 1,
          maxItems: 10,
          items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$' },
        },
        childStates: {
          type: 'array',
          title: 'Trạng thái của báo cáo con được tổng hợp',
          minItems: 1,
          maxItems: 20,
          items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$' },
        },
      },
    },
  },
  {
    name: 'notify',
    label: 'Gửi thông báo',
    description: 'Gửi thông báo cho những người nhận đã chọn.',
    params: {
      type: 'object',
      additionalProperties: false,
      required: ['to'],
      properties: {
        to: {
          type: 'array',
          title: 'Người nhận',
          minItems: 1,
          maxItems: 4,
          items: { type: 'string', enum: [...RECIPIENTS] },
        },
        message: { type: 'string', title: 'Nội dung', minLength: 1, maxLength: 500 },
      },
    },
  },
  {
    name: 'requireComment',
    label: 'Bắt buộc nhập lý do',
    description:
      'Thao tác chỉ thực hiện khi có lý do (như điều kiện hasComment); lý do được trả về trong hiệu ứng để lưu cùng báo cáo.',
    params: {
      type: 'object',
      additionalProperties: false,
      properties: {
        label: { type: 'string', title: 'Nhãn ô nhập', minLength: 1, maxLength: 100 },
        message: { type: 'string', title: 'Thông báo khi thiếu', minLength: 1, maxLength: 200 },
      },
    },
  },
];

const actionByName = new Map(actionVocabulary.map((a) => [a.name as string, a]));

export function getActionDescriptor(name: string): ActionDescriptor | undefined {
  return actionByName.get(name);
}

export function flattenActions(actions: unknown): NamedRef[] {
  if (actions === undefined) return [];
  const list = Array.isArray(actions) ? actions : [actions];
  return list.map((a) =>
    typeof a === 'string'
      ? { type: a }
      : {
          type: String((a as NamedRef).type),
          ...((a as NamedRef).params ? { params: (a as NamedRef).params } : {}),
        },
  );
}
