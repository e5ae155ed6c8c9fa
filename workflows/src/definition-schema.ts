import type { JsonSchema } from './mini-schema.js';

/** Names: a state, an event, a guard/action. Patterns are a contract of the format. */
export const STATE_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';
export const EVENT_NAME_PATTERN = '^[A-Z][A-Z0-9_]{0,63}$';
export const REF_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9]{0,63}$';
export const FLOW_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$';

/**
 * JSON Schema (draft-07) of a flow definition: a flat XState v5 machine config in plain JSON.
 * Guards and actions are referenced by name; several guards on one transition are written
 * as the composite guard {"type": "all", "params": {"guards": [...]}}.
 * The vocabulary (which names exist and their params) is checked by lintFlow, not here,
 * so this schema stays stable when the vocabulary grows.
 */
export const flowDefinitionSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://bdg.edu.vn/schemas/flow-definition.v1.json',
  title: 'Quy trình phê duyệt (XState v5, JSON thuần)',
  type: 'object',
  required: ['id', 'initial', 'states'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', maxLength: 500 },
    id: {
      type: 'string',
      pattern: FLOW_ID_PATTERN,
      description: 'mã quy trình gồm chữ không dấu, số, - hoặc _',
    },
    version: { type: ['string', 'integer'], maxLength: 32 },
    description: { type: 'string', maxLength: 2000 },
    meta: { $ref: '#/definitions/meta' },
    initial: { $ref: '#/definitions/stateName' },
    states: {
      type: 'object',
      minProperties: 1,
      maxProperties: 200,
      propertyNames: { $ref: '#/definitions/stateName' },
      additionalProperties: { $ref: '#/definitions/state' },
    },
  },
  definitions: {
    stateName: {
      title: 'tên trạng thái',
      type: 'string',
      pattern: STATE_NAME_PATTERN,
      description: 'tên trạng thái gồm chữ không dấu, số, _ hoặc -, bắt đầu bằng chữ',
    },
    eventName: {
      title: 'tên sự kiện',
      type: 'string',
      pattern: EVENT_NAME_PATTERN,
      description: 'tên sự kiện viết HOA không dấu, ví dụ SUBMIT',
    },
    label: { type: 'string', minLength: 1, maxLength: 200 },
    meta: {
      type: 'object',
      properties: {
        label: { $ref: '#/definitions/label' },
        description: { type: 'string', maxLength: 2000 },
      },
      additionalProperties: true,
    },
    state: {
      title: 'một trạng thái',
      type: 'object',
      additionalProperties: false,
      properties: {
        type: { enum: ['atomic', 'final'] },
        description: { type: 'string', maxLength: 2000 },
        meta: { $ref: '#/definitions/meta' },
        tags: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 64 } },
        on: {
          type: 'object',
          maxProperties: 50,
          propertyNames: { $ref: '#/definitions/eventName' },
          additionalProperties: { $ref: '#/definitions/transitions' },
        },
      },
    },
    transitions: {
      anyOf: [
        { $ref: '#/definitions/stateName' },
        { $ref: '#/definitions/transition' },
        {
          title: 'một danh sách chuyển trạng thái',
          type: 'array',
          minItems: 1,
          maxItems: 20,
          items: { $ref: '#/definitions/transition' },
        },
      ],
    },
    transition: {
      title: 'một chuyển trạng thái {target, guard, actions, meta}',
      type: 'object',
      required: ['target'],
      additionalProperties: false,
      properties: {
        target: { $ref: '#/definitions/stateName' },
        guard: { $ref: '#/definitions/guardRef' },
        actions: {
          anyOf: [
            { $ref: '#/definitions/actionRef' },
            {
              title: 'một danh sách hành động',
              type: 'array',
              maxItems: 20,
              items: { $ref: '#/definitions/actionRef' },
            },
          ],
        },
        description: { type: 'string', maxLength: 2000 },
        meta: { $ref: '#/definitions/meta' },
      },
    },
    guardRef: {
      anyOf: [
        {
          title: 'tên điều kiện',
          type: 'string',
          pattern: REF_NAME_PATTERN,
          'x-kind': 'guard',
          description: 'tên điều kiện trong bộ từ vựng',
        },
        {
          title: 'một điều kiện {type, params}',
          type: 'object',
          required: ['type'],
          additionalProperties: false,
          properties: {
            type: {
              type: 'string',
              pattern: REF_NAME_PATTERN,
              'x-kind': 'guard',
              description: 'tên điều kiện trong bộ từ vựng',
            },
            params: { type: 'object' },
          },
        },
      ],
    },
    actionRef: {
      anyOf: [
        {
          title: 'tên hành động',
          type: 'string',
          pattern: REF_NAME_PATTERN,
          'x-kind': 'action',
          description: 'tên hành động trong bộ từ vựng',
        },
        {
          title: 'một hành động {type, params}',
          type: 'object',
          required: ['type'],
          additionalProperties: false,
          properties: {
            type: {
              type: 'string',
              pattern: REF_NAME_PATTERN,
              'x-kind': 'action',
              description: 'tên hành động trong bộ từ vựng',
            },
            params: { type: 'object' },
          },
        },
      ],
    },
  },
};
