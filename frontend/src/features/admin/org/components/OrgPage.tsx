/** The org tree: search, add, rename, move and merge units (with a preview of what moves), CSV import. */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Col, Empty, Row, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { OrgUnit } from '../../api/types';
import { CsvImportModal } from './CsvImportModal';
import { LetterheadModal } from './LetterheadModal';
import { MoveMergeModal } from './MoveMergeModal';
import { OrgTreePanel } from './OrgTreePanel';
import { OrgUnitCard, type UnitAction } from './OrgUnitCard';
import { AddUnitModal, RenameModal } from './UnitModals';

const UNITS_CSV_HELP =
  'Cột: Mã đơn vị, Tên đơn vị, Loại đơn vị (so, phong, xa, truong_th…), Mã đơn vị cấp trên; tùy chọn: Địa danh, Cơ quan chủ quản, Tên viết tắt, Chức danh người đứng đầu, Thẩm quyền ký (TM./TL.). Tên cột tiếng Anh (code, name, kind, parentCode, placeName, governingBody, shortName, headTitle, signAuthority) cũng được. Tệp CSV UTF-8, UTF-16 hoặc Windows-1258; dòng đầu là tên cột.';

export function OrgPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [reload, setReload] = useState(0);
  const [selected, setSelected] = useState<OrgUnit | null>(null);
  const [action, setAction] = useState<UnitAction | 'import' | null>(null);

  const refresh = (msg: string) => {
    message.success(msg);
    setAction(null);
    setReload((r) => r + 1);
    void qc.invalidateQueries({ queryKey: adminKeys.orgUnitsAll });
    if (selected) adminApi.getOrgUnit(selected.id).then(setSelected, () => setSelected(null));
  };
  const cancel = () => setAction(null);

  return (
    <div data-testid="org-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Cây đơn vị
        </Typography.Title>
        <Button icon={<UploadOutlined />} onClick={() => setAction('import')} data-testid="import-units">
          Nhập đơn vị từ CSV
        </Button>
      </Space>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <OrgTreePanel reload={reload} selected={selected} onSelect={setSelected} />
        </Col>
        <Col xs={24} md={12}>
          {selected ? <OrgUnitCard unit={selected} onAction={setAction} /> : <Empty description="Chọn một đơn vị ở cây bên trái." />}
        </Col>
      </Row>
      {selected && action === 'add' && <AddUnitModal parent={selected} onDone={refresh} onCancel={cancel} />}
      {selected && action === 'rename' && <RenameModal unit={selected} onDone={refresh} onCancel={cancel} />}
      {selected && action === 'letterhead' && <LetterheadModal unit={selected} onDone={refresh} onCancel={cancel} />}
      {selected && (action === 'move' || action === 'merge') && <MoveMergeModal mode={action} unit={selected} onDone={refresh} onCancel={cancel} />}
      <CsvImportModal
        open={action === 'import'}
        testid="units-import"
        title="Nhập đơn vị từ tệp CSV"
        columnsHelp={UNITS_CSV_HELP}
        run={(f, dry) => adminApi.importOrgUnits(f, dry)}
        onClose={(imported) => {
          setAction(null);
          if (imported) setReload((r) => r + 1);
        }}
      />
    </div>
  );
}
