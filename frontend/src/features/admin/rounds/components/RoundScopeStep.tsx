/** The wizard's second step: the root unit (the round covers it and every unit below), and its kinds counted. */
import { Form, Space, Spin, Tag } from 'antd';
import type { OrgUnit } from '../../api/types';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';

interface Props {
  rootUnitId?: string;
  onRoot: (id: string, unit: OrgUnit | undefined) => void;
  kindCounts: Map<string, number> | null;
  loadingKinds: boolean;
}

export function RoundScopeStep({ rootUnitId, onRoot, kindCounts, loadingKinds }: Props) {
  return (
    <Form layout="vertical" style={{ maxWidth: 640 }}>
      <Form.Item label="Đơn vị gốc: đợt gồm đơn vị này và mọi đơn vị trực thuộc" required>
        <OrgUnitTreeSelect data-testid="round-root" value={rootUnitId} onChange={onRoot} />
      </Form.Item>
      {loadingKinds && <Spin tip="Đang đếm các đơn vị trực thuộc…" />}
      {kindCounts && !loadingKinds && (
        <Space wrap>
          {[...kindCounts].map(([k, n]) => (
            <Tag key={k}>
              {k}: {n} đơn vị
            </Tag>
          ))}
        </Space>
      )}
    </Form>
  );
}
