/** The org tree: search, add, rename, move and merge units (with a preview of what moves), CSV import. */
import {
  ApartmentOutlined,
  EditOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  SwapOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Row,
  Space,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { MAX_PAGE_SIZE } from '@bdg/api-types';
import { useDebounced } from '../../../../shared/paging/use-debounced';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { OrgUnit } from '../../api/types';
import { describeError } from '../../components/errors';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { CsvImportModal } from './CsvImportModal';
import { KindInput, KindLabel } from './UnitKindsCard';
import { LETTERHEAD_FIELDS, LetterheadModal } from './LetterheadModal';

const SEARCH_PAGE = 20;

interface TreeItem {
  key: string;
  title: string;
  isLeaf: boolean;
  children?: TreeItem[];
  unit: OrgUnit;
}

function item(u: OrgUnit): TreeItem {
  return { key: u.id, title: `${u.name} · ${u.kind}`, isLeaf: u.childCount === 0, unit: u };
}

function setChildren(list: TreeItem[], key: string, children: TreeItem[]): TreeItem[] {
  return list.map((n) =>
    n.key === key
      ? { ...n, children }
      : n.children
        ? { ...n, children: setChildren(n.children, key, children) }
        : n,
  );
}

type Action = null | 'add' | 'rename' | 'letterhead' | 'move' | 'merge' | 'import';

export function OrgPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [tree, setTree] = useState<TreeItem[]>([]);
  const [treeError, setTreeError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [selected, setSelected] = useState<OrgUnit | null>(null);
  const [q, setQ] = useState('');
  const [action, setAction] = useState<Action>(null);

  useEffect(() => {
    adminApi
      .listOrgUnits({})
      .then(({ items }) => setTree(items.map(item)))
      .catch((e) => setTreeError(describeError(e)));
  }, [reload]);

  // Searched on the server over the whole subtree, without accents, a page at a time.
  const needle = useDebounced(q.trim());
  const [searchPage, setSearchPage] = useState(1);
  const search = useQuery({
    queryKey: [...adminKeys.orgUnits(null, needle), searchPage],
    queryFn: () => adminApi.listOrgUnits({ q: needle, page: searchPage, pageSize: SEARCH_PAGE }),
    enabled: needle.length >= 2,
    placeholderData: keepPreviousData,
  });

  const loadData = async (node: { key: React.Key; children?: unknown[] }) => {
    if (node.children) return;
    const children = await adminApi.orgUnitChildren(String(node.key));
    setTree((t) => setChildren(t, String(node.key), children.map(item)));
  };

  const refresh = (msg: string) => {
    message.success(msg);
    setAction(null);
    setReload((r) => r + 1);
    void qc.invalidateQueries({ queryKey: adminKeys.orgUnitsAll });
    if (selected) adminApi.getOrgUnit(selected.id).then(setSelected, () => setSelected(null));
  };

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
          <Input.Search
            aria-label="Tìm đơn vị"
            data-testid="org-search"
            placeholder="Tìm theo tên hoặc mã (ít nhất 2 ký tự)"
            allowClear
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setSearchPage(1);
            }}
            style={{ marginBottom: 8 }}
          />
          {treeError && <Alert type="error" showIcon message={`Không tải được cây đơn vị: ${treeError}`} />}
          {q.trim().length >= 2 ? (
            <List
              size="small"
              bordered
              loading={search.isLoading}
              dataSource={search.data?.items ?? []}
              pagination={
                (search.data?.total ?? 0) > SEARCH_PAGE && { current: searchPage, pageSize: SEARCH_PAGE, total: search.data?.total, onChange: setSearchPage, size: 'small' }
              }
              locale={{ emptyText: 'Không có đơn vị nào khớp.' }}
              renderItem={(u) => (
                <List.Item
                  style={{ cursor: 'pointer' }}
                  onClick={() => setSelected(u)}
                  data-testid={`org-result-${u.code}`}
                >
                  <span>
                    {u.name} <Tag><KindLabel kind={u.kind} /></Tag> <Typography.Text type="secondary">{u.code}</Typography.Text>
                    {u.mergedIntoId && <Tag color="default">đã gộp</Tag>}
                  </span>
                </List.Item>
              )}
            />
          ) : (
            <Tree
              key={reload}
              data-testid="org-tree"
              showIcon
              icon={<ApartmentOutlined />}
              treeData={tree}
              titleRender={(n) => (
                <>
                  {(n as TreeItem).unit.name} · <KindLabel kind={(n as TreeItem).unit.kind} />
                </>
              )}
              loadData={loadData}
              selectedKeys={selected ? [selected.id] : []}
              onSelect={(_, info) => setSelected((info.node as unknown as TreeItem).unit)}
            />
          )}
        </Col>
        <Col xs={24} md={12}>
          {selected ? (
            <Card size="small" title={selected.name} data-testid="org-unit-panel">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="Mã">{selected.code}</Descriptions.Item>
                <Descriptions.Item label="Loại"><KindLabel kind={selected.kind} /></Descriptions.Item>
                <Descriptions.Item label="Cấp">{selected.level}</Descriptions.Item>
                <Descriptions.Item label="Số đơn vị trực thuộc">
                  {selected.childCount ?? '—'}
                </Descriptions.Item>
                {LETTERHEAD_FIELDS.map((f) => (
                  <Descriptions.Item key={f.key} label={f.label}>
                    <span data-testid={`org-${f.key}`}>{selected[f.key] || '—'}</span>
                  </Descriptions.Item>
                ))}
              </Descriptions>
              {selected.mergedIntoId ? (
                <Alert
                  type="info"
                  showIcon
                  message="Đơn vị này đã được gộp vào đơn vị khác; lịch sử báo cáo vẫn được giữ."
                />
              ) : (
                <Space wrap>
                  <Button icon={<PlusOutlined />} onClick={() => setAction('add')} data-testid="org-add">
                    Thêm đơn vị trực thuộc
                  </Button>
                  <Button
                    icon={<EditOutlined />}
                    onClick={() => setAction('rename')}
                    data-testid="org-rename"
                  >
                    Đổi tên
                  </Button>
                  <Button icon={<EditOutlined />} onClick={() => setAction('letterhead')} data-testid="org-letterhead">
                    Tiêu đề văn bản
                  </Button>
                  <Button
                    icon={<SwapOutlined />}
                    onClick={() => setAction('move')}
                    disabled={!selected.parentId}
                    data-testid="org-move"
                  >
                    Chuyển sang đơn vị khác
                  </Button>
                  <Button
                    icon={<MergeCellsOutlined />}
                    danger
                    onClick={() => setAction('merge')}
                    disabled={!selected.parentId}
                    data-testid="org-merge"
                  >
                    Gộp vào đơn vị khác
                  </Button>
                </Space>
              )}
            </Card>
          ) : (
            <Empty description="Chọn một đơn vị ở cây bên trái." />
          )}
        </Col>
      </Row>
      {selected && action === 'add' && (
        <AddUnitModal parent={selected} onDone={refresh} onCancel={() => setAction(null)} />
      )}
      {selected && action === 'rename' && (
        <RenameModal unit={selected} onDone={refresh} onCancel={() => setAction(null)} />
      )}
      {action === 'letterhead' && selected && (
        <LetterheadModal unit={selected} onDone={refresh} onCancel={() => setAction(null)} />
      )}
      {selected && (action === 'move' || action === 'merge') && (
        <MoveMergeModal mode={action} unit={selected} onDone={refresh} onCancel={() => setAction(null)} />
      )}
      <CsvImportModal
        open={action === 'import'}
        testid="units-import"
        title="Nhập đơn vị từ tệp CSV"
        columnsHelp="Cột: Mã đơn vị, Tên đơn vị, Loại đơn vị (so, phong, xa, truong_th…), Mã đơn vị cấp trên; tùy chọn: Địa danh, Cơ quan chủ quản, Tên viết tắt, Chức danh người đứng đầu, Thẩm quyền ký (TM./TL.). Tên cột tiếng Anh (code, name, kind, parentCode, placeName, governingBody, shortName, headTitle, signAuthority) cũng được. Tệp CSV UTF-8, UTF-16 hoặc Windows-1258; dòng đầu là tên cột."
        run={(f, dry) => adminApi.importOrgUnits(f, dry)}
        onClose={(imported) => {
          setAction(null);
          if (imported) setReload((r) => r + 1);
        }}
      />
    </div>
  );
}

function AddUnitModal({
  parent,
  onDone,
  onCancel,
}: {
  parent: OrgUnit;
  onDone: (m: string) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<{ code: string; name: string; kind: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await adminApi.createOrgUnit({ ...v, parentId: parent.id });
      onDone(`Đã thêm “${v.name}”.`);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`Thêm đơn vị trực thuộc “${parent.name}”`}
      okText="Thêm"
      cancelText="Huỷ"
      onOk={submit}
      confirmLoading={busy}
      onCancel={onCancel}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="code" label="Mã đơn vị" rules={[{ required: true, message: 'Nhập mã đơn vị' }]}>
          <Input aria-label="Mã đơn vị" />
        </Form.Item>
        <Form.Item name="name" label="Tên đơn vị" rules={[{ required: true, message: 'Nhập tên đơn vị' }]}>
          <Input aria-label="Tên đơn vị" />
        </Form.Item>
        <Form.Item
          name="kind"
          label="Loại đơn vị"
          rules={[{ required: true, message: 'Chọn loại đơn vị (hoặc gõ mã loại mới, ví dụ truong_th)' }]}
        >
          <KindInput />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}

function RenameModal({
  unit,
  onDone,
  onCancel,
}: {
  unit: OrgUnit;
  onDone: (m: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(unit.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!name.trim()) return setError('Tên không được để trống.');
    setBusy(true);
    try {
      await adminApi.updateOrgUnit(unit.id, { name: name.trim() });
      onDone(`Đã đổi tên thành “${name.trim()}”.`);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="Đổi tên đơn vị"
      okText="Lưu"
      cancelText="Huỷ"
      onOk={submit}
      confirmLoading={busy}
      onCancel={onCancel}
    >
      <Input aria-label="Tên mới" value={name} onChange={(e) => setName(e.target.value)} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        Các báo cáo đã ký giữ nguyên tên cũ trong văn bản.
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}

function MoveMergeModal({
  mode,
  unit,
  onDone,
  onCancel,
}: {
  mode: 'move' | 'merge';
  unit: OrgUnit;
  onDone: (m: string) => void;
  onCancel: () => void;
}) {
  const { modal } = App.useApp();
  const [target, setTarget] = useState<OrgUnit | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const children = useQuery({
    queryKey: adminKeys.orgUnits(unit.id),
    queryFn: () => adminApi.listOrgUnits({ parentId: unit.id, pageSize: MAX_PAGE_SIZE }),
  });
  const users = useQuery({
    queryKey: [...adminKeys.users, unit.id],
    queryFn: () => adminApi.listUsers({ unitId: unit.id, pageSize: MAX_PAGE_SIZE }),
    enabled: mode === 'merge',
  });
  const unitUsers = (users.data?.items ?? []).filter((u) => u.unitId === unit.id);
  const invalidTarget =
    target &&
    (target.id === unit.id ||
      target.path.startsWith(unit.path + '.') ||
      target.path.startsWith(unit.path + '/'));

  const run = async () => {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      if (mode === 'move') await adminApi.moveOrgUnit(unit.id, target.id);
      else await adminApi.mergeOrgUnit(unit.id, target.id);
      onDone(
        mode === 'move'
          ? `Đã chuyển “${unit.name}” sang “${target.name}”.`
          : `Đã gộp “${unit.name}” vào “${target.name}”.`,
      );
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = () =>
    modal.confirm({
      title: mode === 'move' ? 'Chuyển đơn vị?' : 'Gộp đơn vị? Không thể hoàn tác',
      content:
        mode === 'move'
          ? `“${unit.name}” cùng ${unit.childCount ?? children.data?.total ?? 0} đơn vị trực thuộc sẽ thuộc “${target?.name}”.`
          : `“${unit.name}” sẽ không còn hoạt động; đơn vị trực thuộc và người dùng chuyển sang “${target?.name}”. Lịch sử báo cáo vẫn được giữ.`,
      okText: mode === 'move' ? 'Chuyển' : 'Gộp',
      okButtonProps: { danger: mode === 'merge' },
      cancelText: 'Huỷ',
      onOk: run,
    });

  return (
    <Modal
      open
      title={
        mode === 'move'
          ? `Chuyển “${unit.name}” sang đơn vị cấp trên khác`
          : `Gộp “${unit.name}” vào đơn vị khác`
      }
      okText={mode === 'move' ? 'Chuyển…' : 'Gộp…'}
      okButtonProps={{ disabled: !target || !!invalidTarget, danger: mode === 'merge' }}
      cancelText="Huỷ"
      confirmLoading={busy}
      onOk={confirm}
      onCancel={onCancel}
      width={640}
    >
      <Form layout="vertical">
        <Form.Item
          label={mode === 'move' ? 'Đơn vị cấp trên mới' : 'Gộp vào đơn vị'}
          validateStatus={invalidTarget ? 'error' : undefined}
          help={invalidTarget ? 'Không thể chọn chính đơn vị này hoặc một đơn vị trực thuộc nó.' : undefined}
        >
          <OrgUnitTreeSelect
            data-testid={`${mode}-target`}
            value={target?.id}
            disabledIds={[unit.id]}
            onChange={(_, u) => setTarget(u)}
          />
        </Form.Item>
      </Form>
      <Card size="small" title="Xem trước những gì thay đổi" data-testid={`${mode}-preview`}>
        {mode === 'move' ? (
          <Typography.Paragraph>
            “{unit.name}” và <b>{unit.childCount ?? children.data?.total ?? 0}</b> đơn vị trực thuộc trực
            tiếp (cùng toàn bộ cây con) sẽ chuyển
            {target ? ` sang “${target.name}”` : ''}. Báo cáo đã nộp giữ nguyên; các đợt mở sau sẽ theo cây
            mới.
          </Typography.Paragraph>
        ) : (
          <>
            <Typography.Paragraph>
              Chuyển sang {target ? `“${target.name}”` : 'đơn vị được chọn'}:{' '}
              <b>{children.data?.total ?? 0}</b> đơn vị trực thuộc và <b>{users.data?.total ?? unitUsers.length}</b> người dùng. “
              {unit.name}” được đánh dấu đã gộp, lịch sử báo cáo vẫn truy được.
            </Typography.Paragraph>
            <List
              size="small"
              dataSource={[
                ...(children.data?.items ?? []).map((c) => `Đơn vị: ${c.name}`),
                ...unitUsers.map((u) => `Người dùng: ${u.fullName} (${u.username})`),
              ]}
              renderItem={(s) => <List.Item>{s}</List.Item>}
              style={{ maxHeight: 200, overflow: 'auto' }}
            />
          </>
        )}
      </Card>
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon message={error} />}
    </Modal>
  );
}

