/** The template editor's tabs: design (tree + inspector), raw JSON, preview, lint, diff with the version it came from. */
import { Col, Empty, Row, Tabs, Typography } from 'antd';
import type { Dispatch } from 'react';
import type { TemplateVersion } from '../../api/types';
import type { Finding } from '../../domain/bdg';
import type { PlacedFinding } from '../hooks/use-template-findings';
import type { EditorAction, EditorState } from '../utils/editor-state';
import type { JsonObject } from '../utils/field-model';
import { DiffPanel } from './DiffPanel';
import { FieldInspector } from './FieldInspector';
import { FieldTree } from './FieldTree';
import { LintPanel } from './LintPanel';
import { RawJsonEditor } from './RawJsonEditor';
import { RootRules } from './RootRules';
import { TemplatePreview } from './TemplatePreview';

interface Props {
  tv: TemplateVersion;
  tab: string;
  onTab: (t: string) => void;
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  readOnly: boolean;
  schema: JsonObject;
  findings: PlacedFinding[];
  findingsByNode: Map<string, Finding[]>;
  errorCount: number;
}

export function TemplateEditorTabs({ tv, tab, onTab, state, dispatch, readOnly, schema, findings, findingsByNode, errorCount }: Props) {
  const jump = (nodeId: string) => {
    dispatch({ type: 'select', id: nodeId });
    onTab('design');
  };
  return (
    <Tabs
      activeKey={tab}
      onChange={onTab}
      style={{ marginTop: 8 }}
      items={[
        { key: 'design', label: 'Thiết kế', children: <DesignTab state={state} dispatch={dispatch} readOnly={readOnly} findingsByNode={findingsByNode} /> },
        {
          key: 'json',
          label: state.rawError ? <Typography.Text type="danger">JSON (lỗi)</Typography.Text> : 'JSON',
          children: <RawJsonEditor text={state.rawText} error={state.rawError} readOnly={readOnly} onChange={(text) => dispatch({ type: 'rawChange', text })} />,
        },
        { key: 'preview', label: 'Xem trước', children: tab === 'preview' ? <TemplatePreview model={state.model} /> : null },
        { key: 'lint', label: `Kiểm tra (${errorCount} lỗi)`, children: <LintPanel findings={findings} onJump={jump} /> },
        { key: 'diff', label: 'So sánh & mang số liệu', children: tab === 'diff' ? <DiffPanel basedOn={tv.basedOn} schema={schema} /> : null },
      ]}
    />
  );
}

function DesignTab({ state, dispatch, readOnly, findingsByNode }: Pick<Props, 'state' | 'dispatch' | 'readOnly' | 'findingsByNode'>) {
  const selectedId = state.selectedId;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={11}>
        <FieldTree
          model={state.model}
          selectedId={selectedId}
          readOnly={readOnly}
          findingsByNode={findingsByNode}
          onSelect={(id) => dispatch({ type: 'select', id })}
          onAdd={(parentId, kind) => dispatch({ type: 'add', parentId, kind })}
          onDuplicate={(id) => dispatch({ type: 'duplicate', id })}
          onRemove={(id) => dispatch({ type: 'remove', id })}
          onMove={(dragId, dropId, position) => dispatch({ type: 'move', dragId, dropId, position })}
        />
      </Col>
      <Col xs={24} lg={13}>
        {selectedId ? (
          <FieldInspector
            model={state.model}
            nodeId={selectedId}
            readOnly={readOnly}
            findings={findingsByNode.get(selectedId) ?? []}
            onUpdate={(patch) => dispatch({ type: 'update', id: selectedId, patch })}
            onChangeKind={(kind) => dispatch({ type: 'changeKind', id: selectedId, kind })}
          />
        ) : (
          <>
            <Empty description="Chọn một mục hoặc câu hỏi ở cây bên trái để sửa." />
            <RootRules model={state.model} readOnly={readOnly} onChange={(rootExtra) => dispatch({ type: 'updateRoot', rootExtra })} />
          </>
        )}
      </Col>
    </Row>
  );
}
