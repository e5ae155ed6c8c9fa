/** Every template and its versions; clone any version, import a template from a JSON file. */
import { CopyOutlined, EditOutlined, EyeOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Radio, Space, Table, Tag, Typography, Upload } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../../shared/api/client';
import { SearchBox } from '../../../../shared/paging/SearchBox';
import { usePagedList } from '../../../../shared/paging/use-paged-list';
import { useSession } from '../../../auth/hooks/use-session';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import { versionStatusLabel, type TemplateSummary, type TemplateVersionInput } from '../../api/types';
import { describeError } from '../../components/errors';
import { readFileText } from '../../components/download';
import { MAX_TEMPLATE_BYTES, parseTemplateText } from '../utils/raw-json';
import type { JsonObject } from '../utils/field-model';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function TemplateListPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const list = usePagedList(adminKeys.templates, adminApi.listTemplates, { sort: 'code' });
  const [creating, setCreating] = useState<null | 'new' | 'import'>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const { user } = useSession();
  // Cloning: a new version of the same code (templates this admin's unit owns), or a new template under a new code
  // (a template of a unit above, e.g. the ministry's: the server refuses new versions of it with 403).
  const [cloneOf, setCloneOf] = useState<{ code: string; version: number; owned: boolean } | null>(null);
  const [cloneForm] = Form.useForm<{ mode: 'version' | 'code'; newCode: string; title: string }>();

  const clone = useMutation({
    mutationFn: async ({ code, version, target, title }: { code: string; version: number; target?: string; title?: string }) => {
      const src = await adminApi.getTemplateVersion(code, version);
      return adminApi.createTemplateVersion(target ?? code, {
        title: title || src.title,
        periodKind: src.periodKind,
        schema: src.schema ?? { type: 'object', properties: {} },
        uiSchema: src.uiSchema ?? {},
        document: src.document ?? undefined,
        basedOn: { code, version },
      });
    },
    onSuccess: (created) => {
      message.success(`Đã tạo bản nháp ${created.code} phiên bản ${created.version}.`);
      setCloneOf(null);
      void qc.invalidateQueries({ queryKey: adminKeys.templates });
      navigate(`/admin/templates/${encodeURIComponent(created.code)}/${created.version}`);
    },
    onError: (e) => {
      // Not this unit's template: offer the new-code clone instead.
      if (e instanceof ApiError && e.status === 403 && cloneOf) {
        setCloneOf({ ...cloneOf, owned: false });
        cloneForm.setFieldsValue({ mode: 'code' });
      }
      message.error(`Chưa nhân bản được: ${describeError(e)}`);
    },
  });

  const startClone = (t: TemplateSummary, version: number) => {
    const owned = !user || t.ownerUnitId === user.unitId;
    const src = t.versions.find((v) => v.version === version);
    setCloneOf({ code: t.code, version, owned });
    cloneForm.setFieldsValue({ mode: owned ? 'version' : 'code', newCode: '', title: src?.title || t.title });
  };

  // The editor sends a refused clone here (a template of a unit above): open the new-code dialog for it.
  const location = useLocation();
  const requested = (location.state as { cloneOf?: { code: string; version: number } } | null)?.cloneOf;
  useEffect(() => {
    if (!requested) return;
    setCloneOf({ ...requested, owned: false });
    cloneForm.setFieldsValue({ mode: 'code', newCode: '', title: '' });
    navigate('.', { replace: true, state: null });
  }, [requested, cloneForm, navigate]);

  const submitClone = async () => {
    if (!cloneOf) return;
    const v = await cloneForm.validateFields();
    clone.mutate(
      v.mode === 'version'
        ? { code: cloneOf.code, version: cloneOf.version }
        : { code: cloneOf.code, version: cloneOf.version, target: v.newCode.trim(), title: v.title },
    );
  };

  return (
    <div data-testid="template-list">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Biểu mẫu báo cáo
        </Typography.Title>
        <Space>
          <Button
            icon={<UploadOutlined />}
            onClick={() => setCreating('import')}
            data-testid="import-template-file"
          >
            Nhập biểu mẫu từ tệp JSON
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating('new')}
            data-testid="new-template"
          >
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
          onExpand: (open, t) =>
            setCollapsed((s) => {
              const n = new Set(s);
              if (open) n.delete(t.code);
              else n.add(t.code);
              return n;
            }),
          expandedRowRender: (t) => (
            <Versions
              t={t}
              onClone={(version) => startClone(t, version)}
              cloning={clone.isPending ? clone.variables : undefined}
            />
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
      <Modal
        open={!!cloneOf}
        title={cloneOf ? `Nhân bản ${cloneOf.code} phiên bản ${cloneOf.version}` : ''}
        okText="Nhân bản thành bản nháp"
        cancelText="Huỷ"
        okButtonProps={{ ...({ 'data-testid': 'confirm-clone' } as Record<string, string>) }}
        confirmLoading={clone.isPending}
        onOk={submitClone}
        onCancel={() => setCloneOf(null)}
        forceRender
      >
        <Form form={cloneForm} layout="vertical" initialValues={{ mode: 'code' }}>
          {cloneOf && !cloneOf.owned && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message="Biểu mẫu này thuộc đơn vị cấp trên: bạn dùng được nhưng không thêm phiên bản được. Hãy nhân bản thành biểu mẫu mới của đơn vị bạn (mã mới)."
            />
          )}
          <Form.Item name="mode" label="Nhân bản thành">
            <Radio.Group
              options={[
                { value: 'version', label: 'Phiên bản mới của cùng mã', disabled: !!cloneOf && !cloneOf.owned },
                { value: 'code', label: 'Biểu mẫu mới (mã mới)' },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.mode !== b.mode}>
            {({ getFieldValue }) =>
              getFieldValue('mode') === 'code' && (
                <>
                  <Form.Item
                    name="newCode"
                    label="Mã biểu mẫu mới"
                    rules={[
                      { required: true, message: 'Nhập mã' },
                      { pattern: CODE, message: 'Chữ thường không dấu, số và dấu -, ví dụ hy-bdg-2021-2025' },
                    ]}
                  >
                    <Input aria-label="Mã biểu mẫu mới" data-testid="clone-code" placeholder="bdg-2021-2025" />
                  </Form.Item>
                  <Form.Item name="title" label="Tên biểu mẫu" rules={[{ required: true, message: 'Nhập tên biểu mẫu' }]}>
                    <Input aria-label="Tên biểu mẫu nhân bản" data-testid="clone-title" />
                  </Form.Item>
                </>
              )
            }
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

function Versions({
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

function NewTemplateModal({ mode, onClose }: { mode: null | 'new' | 'import'; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ code: string; title: string; periodKind: string }>();
  const [fileDoc, setFileDoc] = useState<{
    name: string;
    schema: JsonObject;
    uiSchema: JsonObject;
    document?: unknown;
  } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (input: { code: string; body: TemplateVersionInput }) =>
      adminApi.createTemplateVersion(input.code, input.body),
    onSuccess: (created) => {
      message.success(`Đã tạo bản nháp ${created.code} phiên bản ${created.version}.`);
      void qc.invalidateQueries({ queryKey: adminKeys.templates });
      close();
      navigate(`/admin/templates/${encodeURIComponent(created.code)}/${created.version}`);
    },
    onError: (e) => message.error(`Chưa tạo được: ${describeError(e)}`),
  });

  const close = () => {
    form.resetFields();
    setFileDoc(null);
    setFileError(null);
    onClose();
  };

  const onFile = async (file: File) => {
    setFileDoc(null);
    if (file.size > MAX_TEMPLATE_BYTES) {
      setFileError(`Tệp “${file.name}” lớn hơn 5 MB; không có gì được nhập.`);
      return;
    }
    const parsed = parseTemplateText(await readFileText(file));
    if (!parsed.ok) {
      setFileError(parsed.message);
      return;
    }
    setFileError(null);
    setFileDoc({
      name: file.name,
      schema: parsed.schema,
      uiSchema: parsed.uiSchema ?? {},
      document: parsed.meta.document,
    });
    form.setFieldsValue({
      code: typeof parsed.meta.code === 'string' ? parsed.meta.code : form.getFieldValue('code'),
      title: typeof parsed.meta.title === 'string' ? parsed.meta.title : String(parsed.schema.title ?? ''),
      periodKind: typeof parsed.meta.periodKind === 'string' ? parsed.meta.periodKind : 'nam',
    });
  };

  const submit = async () => {
    const v = await form.validateFields();
    if (mode === 'import' && !fileDoc) {
      setFileError('Hãy chọn một tệp JSON hợp lệ.');
      return;
    }
    const schema: JsonObject = fileDoc?.schema ?? {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: v.title,
      properties: {},
    };
    create.mutate({
      code: v.code,
      body: {
        title: v.title,
        periodKind: v.periodKind,
        schema,
        uiSchema: fileDoc?.uiSchema ?? {},
        document: fileDoc?.document,
      },
    });
  };

  return (
    <Modal
      open={mode !== null}
      title={mode === 'import' ? 'Nhập biểu mẫu từ tệp JSON' : 'Tạo biểu mẫu mới'}
      okText={mode === 'import' ? 'Nhập thành bản nháp' : 'Tạo bản nháp'}
      cancelText="Huỷ"
      onOk={submit}
      confirmLoading={create.isPending}
      onCancel={close}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ periodKind: 'nam' }}>
        {mode === 'import' && (
          <Form.Item label="Tệp JSON (xuất từ hệ thống, tối đa 5 MB)">
            <Upload
              accept=".json,application/json"
              maxCount={1}
              beforeUpload={(f) => (void onFile(f), false)}
              showUploadList={false}
            >
              <Button icon={<UploadOutlined />} data-testid="import-file-picker">
                Chọn tệp
              </Button>
            </Upload>
            {fileDoc && (
              <Typography.Text style={{ marginLeft: 8 }}>
                {fileDoc.name} — {Object.keys((fileDoc.schema.properties as object) ?? {}).length} mục
              </Typography.Text>
            )}
            {fileError && (
              <Alert
                style={{ marginTop: 8 }}
                type="error"
                showIcon
                message={fileError}
                data-testid="import-file-error"
              />
            )}
          </Form.Item>
        )}
        <Form.Item
          name="code"
          label="Mã biểu mẫu"
          rules={[
            { required: true, message: 'Nhập mã' },
            { pattern: CODE, message: 'Chữ thường không dấu, số và dấu -, ví dụ bdg-truong' },
          ]}
        >
          <Input aria-label="Mã biểu mẫu" placeholder="bdg-truong" />
        </Form.Item>
        <Form.Item
          name="title"
          label="Tên biểu mẫu"
          rules={[{ required: true, message: 'Nhập tên biểu mẫu' }]}
        >
          <Input aria-label="Tên biểu mẫu mới" />
        </Form.Item>
        <Form.Item
          name="periodKind"
          label="Loại kỳ báo cáo"
          rules={[{ required: true, pattern: CODE, message: 'Ví dụ: nam, 6-thang, giai-doan' }]}
        >
          <Input aria-label="Loại kỳ" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
