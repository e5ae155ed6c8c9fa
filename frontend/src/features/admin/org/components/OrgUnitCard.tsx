/** The right of the org page: the selected unit, its letterhead, and what an admin may do with it. */
import { EditOutlined, MergeCellsOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space } from 'antd';
import type { OrgUnit } from '../../api/types';
import { LETTERHEAD_FIELDS } from './LetterheadModal';
import { KindLabel } from './UnitKindsCard';

export type UnitAction = 'add' | 'rename' | 'letterhead' | 'move' | 'merge';

export function OrgUnitCard({ unit, onAction }: { unit: OrgUnit; onAction: (a: UnitAction) => void }) {
  return (
    <Card size="small" title={unit.name} data-testid="org-unit-panel">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="Mã">{unit.code}</Descriptions.Item>
        <Descriptions.Item label="Loại"><KindLabel kind={unit.kind} /></Descriptions.Item>
        <Descriptions.Item label="Cấp">{unit.level}</Descriptions.Item>
        <Descriptions.Item label="Số đơn vị trực thuộc">{unit.childCount ?? '—'}</Descriptions.Item>
        {LETTERHEAD_FIELDS.map((f) => (
          <Descriptions.Item key={f.key} label={f.label}>
            <span data-testid={`org-${f.key}`}>{unit[f.key] || '—'}</span>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {unit.mergedIntoId ? (
        <Alert type="info" showIcon message="Đơn vị này đã được gộp vào đơn vị khác; lịch sử báo cáo vẫn được giữ." />
      ) : (
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={() => onAction('add')} data-testid="org-add">
            Thêm đơn vị trực thuộc
          </Button>
          <Button icon={<EditOutlined />} onClick={() => onAction('rename')} data-testid="org-rename">
            Đổi tên
          </Button>
          <Button icon={<EditOutlined />} onClick={() => onAction('letterhead')} data-testid="org-letterhead">
            Tiêu đề văn bản
          </Button>
          <Button icon={<SwapOutlined />} onClick={() => onAction('move')} disabled={!unit.parentId} data-testid="org-move">
            Chuyển sang đơn vị khác
          </Button>
          <Button icon={<MergeCellsOutlined />} danger onClick={() => onAction('merge')} disabled={!unit.parentId} data-testid="org-merge">
            Gộp vào đơn vị khác
          </Button>
        </Space>
      )}
    </Card>
  );
}
