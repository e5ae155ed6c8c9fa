/** The template editor's state: one visual model, the raw JSON text kept in sync both ways. */
import {
  modelToSchema,
  schemaToModel,
  type FieldKind,
  type FieldNode,
  type JsonObject,
  type TemplateModel,
} from './field-model';
import { parseTemplateText } from './raw-json';
import {
  addNode,
  changeKind,
  duplicateNode,
  locate,
  moveNode,
  removeNode,
  updateNode,
  type DropPosition,
} from './tree-ops';

export interface EditorState {
  model: TemplateModel;
  /** The official-document layout (NĐ 30/2020), edited in the raw JSON only. */
  document?: unknown;
  selectedId: string | null;
  /** The raw editor's text; equals the model's JSON unless `rawError` is set. */
  rawText: string;
  rawError: string | null;
  rawErrorLine?: number;
  dirty: boolean;
  /** A refusal to show once (e.g. an impossible drag). */
  notice: { id: number; message: string } | null;
}

export type EditorAction =
  | { type: 'load'; schema: JsonObject; uiSchema: JsonObject; document?: unknown }
  | { type: 'select'; id: string | null }
  | { type: 'add'; parentId: string | null; kind: FieldKind }
  | { type: 'remove'; id: string }
  | { type: 'duplicate'; id: string }
  | { type: 'move'; dragId: string; dropId: string; position: DropPosition }
  | { type: 'update'; id: string; patch: Partial<Omit<FieldNode, 'id' | 'kind'>> }
  | { type: 'changeKind'; id: string; kind: FieldKind }
  | { type: 'rawChange'; text: string }
  | { type: 'updateRoot'; rootExtra: JsonObject }
  | { type: 'markSaved' };

export function modelText(model: TemplateModel, document?: unknown): string {
  const { schema, uiSchema } = modelToSchema(model);
  return JSON.stringify(
    document === undefined || document === null ? { schema, uiSchema } : { schema, uiSchema, document },
    null,
    2,
  );
}

export function initEditor(schema: JsonObject, uiSchema: JsonObject, document?: unknown): EditorState {
  const model = schemaToModel(schema, uiSchema);
  return {
    model,
    document,
    selectedId: null,
    rawText: modelText(model, document),
    rawError: null,
    dirty: false,
    notice: null,
  };
}

function withModel(state: EditorState, model: TemplateModel, selectedId = state.selectedId): EditorState {
  return {
    ...state,
    model,
    selectedId,
    rawText: modelText(model, state.document),
    rawError: null,
    rawErrorLine: undefined,
    dirty: true,
  };
}

function notice(state: EditorState, message: string): EditorState {
  return { ...state, notice: { id: (state.notice?.id ?? 0) + 1, message } };
}

/** The id, in `next`, of the node at the same key path as `id` in `prev`. */
function sameNode(prev: TemplateModel, next: TemplateModel, id: string | null): string | null {
  if (!id) return null;
  const loc = locate(prev, id);
  if (!loc) return null;
  let list = next.fields;
  let node: FieldNode | undefined;
  for (const k of loc.keys) {
    node = list.find((n) => n.key === k);
    if (!node) return null;
    list = node.children;
  }
  return node?.id ?? null;
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'load':
      return initEditor(action.schema, action.uiSchema, action.document);
    case 'select':
      return { ...state, selectedId: action.id };
    case 'add': {
      const r = addNode(state.model, action.parentId, action.kind);
      if ('error' in r) return notice(state, r.error);
      return withModel(state, r.model, r.id);
    }
    case 'remove':
      return withModel(
        state,
        removeNode(state.model, action.id),
        state.selectedId === action.id ? null : state.selectedId,
      );
    case 'duplicate': {
      const r = duplicateNode(state.model, action.id);
      return r ? withModel(state, r.model, r.id) : state;
    }
    case 'move': {
      const r = moveNode(state.model, action.dragId, action.dropId, action.position);
      if ('error' in r) return notice(state, r.error);
      return withModel(state, r.model);
    }
    case 'update':
      return withModel(state, updateNode(state.model, action.id, action.patch));
    case 'changeKind':
      return withModel(state, changeKind(state.model, action.id, action.kind));
    case 'rawChange': {
      const parsed = parseTemplateText(action.text);
      if (!parsed.ok) {
        return {
          ...state,
          rawText: action.text,
          rawError: parsed.message,
          rawErrorLine: parsed.line,
          dirty: true,
        };
      }
      const ui = parsed.uiSchema ?? modelToSchema(state.model).uiSchema;
      const model = schemaToModel(parsed.schema, ui);
      return {
        ...state,
        model,
        document: 'document' in parsed.meta ? parsed.meta.document : state.document,
        selectedId: sameNode(state.model, model, state.selectedId),
        rawText: action.text,
        rawError: null,
        rawErrorLine: undefined,
        dirty: true,
      };
    }
    case 'updateRoot':
      return withModel(state, { ...state.model, rootExtra: action.rootExtra });
    case 'markSaved':
      return { ...state, dirty: false };
  }
}
