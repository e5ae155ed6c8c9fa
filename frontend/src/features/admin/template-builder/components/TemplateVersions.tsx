/** The versions of one template, each to open (view or edit) or to clone. */
import { CopyOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { versionStatusLabel, type TemplateSummary } from '../../api/types';

export function Versions({
  t,
  onClone,
  cloning,
}: {
  t: TemplateSummary;
  onClone: (v: number) => void;
  cloning?: { code: string; version: number };
}) {
  return (
    <Table
      size="small"
      rowKey="version"
      pagination={false}
      dataSource={[...t.versions].sort((a, b) => b.version - a.version)}
      columns={[
        { title: 'Phiên bản', dataIndex: 'version', width: 100 },
        { title: 'Tên', dataIndex: 'title' },
        {
          title: 'Trạng thái',
          dataIndex: 'status',
          render: (s: string) =>
            <Tag color={s === 'published' ? 'green' : 'gold'}>{versionStatusLabel(s)}</Tag>,
        },
        {
          title: 'Ngày xuất bản',
          dataIndex: 'publishedAt',
          render: (d: string | null) => (d ? dayjs(d).format('DD/MM/YYYY') : '—'),
        },
        {
          title: '',
          render: (_, v) => (
            <Space>
              <Link
                to={`/admin/templates/${encodeURIComponent(t.code)}/${v.version}`}
                data-testid={`open-template-${t.code}-${v.version}`}
              >
                {v.status === 'published' ? (
                  <>
                    <EyeOutlined /> Xem
                  </>
                ) : (
                  <>
                    <EditOutlined /> Sửa
                  </>
                )}
              </Link>
              <Button
                size="small"
                icon={<CopyOutlined />}
                loading={cloning?.code === t.code && cloning.version === v.version}
                onClick={() => onClone(v.version)}
                data-testid={`clone-${t.code}-${v.version}`}
              >
                Nhân bản thành phiên bản mới
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
