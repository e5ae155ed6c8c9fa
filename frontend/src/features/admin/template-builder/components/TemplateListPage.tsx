/** Every template and its versions; clone any version, import a template from a JSON file. */
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { SearchBox } from '../../../../shared/paging/SearchBox';
import { usePagedList } from '../../../../shared/paging/use-paged-list';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { TemplateSummary } from '../../api/types';
import { describeError } from '../../components/errors';
import { CloneTemplateModal, useTemplateClone } from './CloneTemplateModal';
import { NewTemplateModal } from './NewTemplateModal';
import { Versions } from './TemplateVersions';

export function TemplateListPage() {
  const list = usePagedList(adminKeys.templates, adminApi.listTemplates, { sort: 'code' });
  const [creating, setCreating] = useState<null | 'new' | 'import'>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const cloning = useTemplateClone();
  const toggle = (open: boolean, t: TemplateSummary) =>
    setCollapsed((s) => {
      const n = new Set(s);
      if (open) n.delete(t.code);
      else n.add(t.code);
      return n;
    });

  return (
    <div data-testid="template-list">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Biểu mẫu báo cáo
        </Typography.Title>
        <Space>
          <Button icon={<UploadOutlined />} onClick={() => setCreating('import')} data-testid="import-template-file">
            Nhập biểu mẫu từ tệp JSON
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating('new')} data-testid="new-template">
            Tạo biểu mẫu mới
          </Button>
        </Space>
      </Space>
      {list.query.error && <Alert type="error" showIcon message={`Không tải được danh sách biểu mẫu: ${describeError(list.query.error)}`} />}
      <SearchBox value={list.search} onChange={list.setSearch} placeholder="Tìm biểu mẫu theo mã hoặc tên" testId="template-search" />
      <Table<TemplateSummary>
        rowKey="code"
        {...list.tableProps}
        expandable={{
          expandedRowKeys: list.items.map((t) => t.code).filter((c) => !collapsed.has(c)),
          onExpand: toggle,
          expandedRowRender: (t) => (
            <Versions t={t} onClone={(version) => cloning.start(t, version)} cloning={cloning.clone.isPending ? cloning.clone.variables : undefined} />
          ),
        }}
        columns={[
          { title: 'Mã', dataIndex: 'code', key: 'code', sorter: true, render: (c: string) => <code>{c}</code> },
          { title: 'Tên biểu mẫu', dataIndex: 'title', key: 'title', sorter: true },
          { title: 'Số phiên bản', render: (_, t) => t.versions.length },
        ]}
        locale={{ emptyText: 'Chưa có biểu mẫu nào.' }}
      />
      <NewTemplateModal mode={creating} onClose={() => setCreating(null)} />
      <CloneTemplateModal c={cloning} />
    </div>
  );
}
