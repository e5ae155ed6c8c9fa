/** What changed since the version this one was cloned from, and which answers carry forward. */
import { Alert, Empty, Spin, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { carryForward, diffTemplates, type TemplateChange } from '@bdg/schemas';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import { describeError } from '../../components/errors';
import { schemaToModel, type JsonObject } from '../utils/field-model';
import { sampleData } from '../utils/sample-data';

const KIND: Record<TemplateChange['kind'], { label: string; color: string }> = {
  added: { label: 'Thêm', color: 'green' },
  removed: { label: 'Bỏ', color: 'red' },
  retyped: { label: 'Đổi kiểu', color: 'orange' },
  retitled: { label: 'Đổi tiêu đề', color: 'blue' },
};

export function DiffPanel({
  basedOn,
  schema,
}: {
  basedOn: { code: string; version: number } | null;
  schema: JsonObject;
}) {
  const base = useQuery({
    queryKey: basedOn ? adminKeys.templateVersion(basedOn.code, basedOn.version) : ['admin', 'none'],
    queryFn: () => adminApi.getTemplateVersion(basedOn!.code, basedOn!.version),
    enabled: !!basedOn,
  });
  const result = useMemo(() => {
    const from = base.data?.schema;
    if (!from) return null;
    try {
      const changes = diffTemplates(from as never, schema as never);
      const sample = sampleData(schemaToModel(from, base.data?.uiSchema ?? {}));
      const carried = carryForward(from as never, schema as never, sample);
      return { changes, notCarried: carried.notCarried, error: null };
    } catch (e) {
      return { changes: [], notCarried: [], error: (e as Error).message };
    }
  }, [base.data, schema]);

  if (!basedOn)
    return <Empty description="Phiên bản này không nhân bản từ phiên bản nào, nên không có gì để so sánh." />;
  if (base.isLoading) return <Spin tip="Đang tải phiên bản gốc…" />;
  if (base.error)
    return <Alert type="error" message={`Không tải được phiên bản gốc: ${describeError(base.error)}`} />;
  if (!result) return null;
  return (
    <div data-testid="diff-panel">
      <Typography.Title level={5}>
        So với {basedOn.code} phiên bản {basedOn.version}
      </Typography.Title>
      {result.error && <Alert type="error" message={result.error} />}
      <ChangesTable changes={result.changes} />
      <NotCarried notCarried={result.notCarried} />
    </div>
  );
}

function ChangesTable({ changes }: { changes: TemplateChange[] }) {
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.kind}:${r.path}`}
      pagination={false}
      dataSource={changes}
      locale={{ emptyText: 'Không có trường nào thay đổi.' }}
      columns={[
        { title: 'Thay đổi', dataIndex: 'kind', width: 110, render: (k: TemplateChange['kind']) => <Tag color={KIND[k].color}>{KIND[k].label}</Tag> },
        { title: 'Trường', dataIndex: 'path', render: (p: string) => <code>{p}</code> },
        { title: 'Trước', dataIndex: 'from' },
        { title: 'Sau', dataIndex: 'to' },
      ]}
    />
  );
}

function NotCarried({ notCarried }: { notCarried: { path: string; reason: string }[] }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        Mang số liệu sang đợt báo cáo sau
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Khi đơn vị điền phiên bản mới, câu trả lời đợt trước được mang sang ở những trường còn cùng mã và cùng
        kiểu. Các trường dưới đây sẽ <b>không</b> được mang sang (thử với một bộ câu trả lời mẫu đầy đủ):
      </Typography.Paragraph>
      {notCarried.length === 0 ? (
        <Alert type="success" showIcon message="Mọi câu trả lời của phiên bản gốc đều được mang sang." data-testid="carry-all" />
      ) : (
        <Table
          size="small"
          data-testid="not-carried"
          rowKey={(r) => r.path}
          pagination={false}
          dataSource={notCarried}
          columns={[
            { title: 'Trường', dataIndex: 'path', render: (p: string) => <code>{p}</code> },
            { title: 'Lý do', dataIndex: 'reason' },
          ]}
        />
      )}
    </>
  );
}
