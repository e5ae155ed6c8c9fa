/** The template as a tree of sections and fields: select, drag to reorder, add, duplicate, delete. */
import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Popconfirm, Space, Tag, Tree, Typography } from 'antd';
import { useState } from 'react';
import type { TreeProps } from 'antd';
import type { Finding } from '../../domain/bdg';
import { FIELD_KIND_LABELS, type FieldKind, type FieldNode, type TemplateModel } from '../utils/field-model';
import { canContain, locate, type DropPosition } from '../utils/tree-ops';

export interface FieldTreeProps {
  model: TemplateModel;
  selectedId: string | null;
  readOnly: boolean;
  /** Findings by node id. */
  findingsByNode: Map<string, Finding[]>;
  onSelect: (id: string | null) => void;
  onAdd: (parentId: string | null, kind: FieldKind) => void;
  onDuplicate: (id: string) => void;
  onRemove: (id: string) => void;
  onMove: (dragId: string, dropId: string, position: DropPosition) => void;
}

interface TreeItem {
  key: string;
  title: React.ReactNode;
  children: TreeItem[];
  isLeaf: boolean;
}

const KIND_ORDER: FieldKind[] = [
  'section',
  'text',
  'longText',
  'number',
  'integer',
  'boolean',
  'date',
  'choice',
  'table',
  'file',
];

function toItems(list: FieldNode[], findings: Map<string, Finding[]>): TreeItem[] {
  return list.map((n) => {
    const f = findings.get(n.id) ?? [];
    const errors = f.filter((x) => x.severity === 'error').length;
    const warnings = f.length - errors;
    return {
      key: n.id,
      isLeaf: n.kind !== 'section' && n.kind !== 'table',
      children: toItems(n.children, findings),
      title: (
        <span data-testid={`tree-node-${n.key}`}>
          <Typography.Text strong={n.kind === 'section'}>
            {n.title || <i>(chưa có tiêu đề)</i>}
          </Typography.Text>
          {n.required && <Typography.Text type="danger"> *</Typography.Text>}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {n.key}
          </Typography.Text>{' '}
          <Tag style={{ fontSize: 11 }}>{FIELD_KIND_LABELS[n.kind]}</Tag>
          {n.computed && <Tag color="purple">công thức</Tag>}
          {errors > 0 && <Badge count={errors} title={`${errors} lỗi`} />}
          {warnings > 0 && errors === 0 && (
            <Badge count={warnings} color="orange" title={`${warnings} cảnh báo`} />
          )}
        </span>
      ),
    };
  });
}

/** Where "add" puts the new field: inside the selected section/table, else beside the selected field. */
function addParentOf(selected: ReturnType<typeof locate>): FieldNode | null {
  if (!selected) return null;
  return selected.node.kind === 'section' || selected.node.kind === 'table' ? selected.node : selected.parent;
}

function containerIds(list: FieldNode[], out: string[] = []): string[] {
  for (const n of list) {
    if (n.children.length) out.push(n.id);
    containerIds(n.children, out);
  }
  return out;
}

export function FieldTree(props: FieldTreeProps) {
  const { model, selectedId, readOnly } = props;
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const containers = containerIds(model.fields);
  const expandedKeys = containers.filter((id) => !collapsed.has(id));
  const selected = selectedId ? locate(model, selectedId) : null;

  const onDrop: TreeProps['onDrop'] = (info) => {
    const dropKey = String(info.node.key);
    const dragKey = String(info.dragNode.key);
    const pos = String(info.node.pos).split('-');
    const relative = info.dropPosition - Number(pos[pos.length - 1]);
    const position: DropPosition = !info.dropToGap ? 'inside' : relative < 0 ? 'before' : 'after';
    props.onMove(dragKey, dropKey, position);
  };

  return (
    <div data-testid="template-tree">
      <TreeToolbar {...props} selected={selected} />
      {model.fields.length === 0 ? (
        <Typography.Paragraph type="secondary">Biểu mẫu chưa có mục nào. Bấm “Thêm mục / câu hỏi”.</Typography.Paragraph>
      ) : (
        <Tree
          blockNode
          showLine
          expandedKeys={expandedKeys}
          onExpand={(keys) => setCollapsed(new Set(containers.filter((id) => !keys.includes(id))))}
          draggable={readOnly ? false : { icon: false }}
          treeData={toItems(model.fields, props.findingsByNode)}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => props.onSelect(keys.length ? String(keys[0]) : null)}
          onDrop={onDrop}
          allowDrop={({ dropNode, dropPosition }) => {
            if (dropPosition !== 0) return true;
            const target = locate(model, String(dropNode.key))?.node;
            return !!target && (target.kind === 'section' || target.kind === 'table');
          }}
        />
      )}
    </div>
  );
}

function TreeToolbar({ readOnly, selected, onAdd, onDuplicate, onRemove }: FieldTreeProps & { selected: ReturnType<typeof locate> }) {
  const addParent = addParentOf(selected);
  const kinds = KIND_ORDER.filter((k) => canContain(addParent ? addParent.kind : null, k));
  return (
    <Space wrap style={{ marginBottom: 8 }}>
      <Dropdown
        trigger={['click']}
        disabled={readOnly}
        menu={{
          items: kinds.map((k) => ({ key: k, label: FIELD_KIND_LABELS[k], 'data-testid': `add-kind-${k}` })),
          onClick: ({ key }) => onAdd(addParent?.id ?? null, key as FieldKind),
        }}
      >
        <Button icon={<PlusOutlined />} data-testid="add-field" disabled={readOnly}>
          {addParent ? `Thêm vào “${addParent.title || addParent.key}”` : 'Thêm mục / câu hỏi'}
        </Button>
      </Dropdown>
      <Button icon={<CopyOutlined />} disabled={readOnly || !selected} onClick={() => selected && onDuplicate(selected.node.id)} data-testid="duplicate-field">
        Nhân đôi
      </Button>
      <Popconfirm
        title="Xoá trường này?"
        description={
          selected?.node.children.length
            ? `“${selected.node.title}” và ${selected.node.children.length} trường bên trong sẽ bị xoá.`
            : 'Câu trả lời của trường này sẽ không còn trong phiên bản mới.'
        }
        okText="Xoá"
        okButtonProps={{ danger: true, ...({ 'data-testid': 'confirm-remove-field' } as Record<string, string>) }}
        cancelText="Huỷ"
        disabled={readOnly || !selected}
        onConfirm={() => selected && onRemove(selected.node.id)}
      >
        <Button danger icon={<DeleteOutlined />} disabled={readOnly || !selected} data-testid="remove-field">
          Xoá
        </Button>
      </Popconfirm>
    </Space>
  );
}
