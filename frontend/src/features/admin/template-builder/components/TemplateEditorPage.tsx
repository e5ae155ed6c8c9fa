/** The template builder for one version: visual tree + inspector, raw JSON, preview, lint, diff. */
import {
  CopyOutlined,
  DownloadOutlined,
  SaveOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Col,
  Empty,
  Form,
  Input,
  Row,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useReducer, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { lintTemplate } from '@bdg/schemas';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import { versionStatusLabel, type TemplateVersion } from '../../api/types';
import { describeError, serverFindings } from '../../components/errors';
import { downloadJson, readFileText } from '../../components/download';
import { ApiError } from '../../../../shared/api/client';
import { normalizeFindings, type Finding } from '../../domain/bdg';
import { builderChecks } from '../utils/builder-checks';
import { editorReducer, initEditor } from '../utils/editor-state';
import { modelToSchema, type JsonObject } from '../utils/field-model';
import { MAX_TEMPLATE_BYTES, parseTemplateText } from '../utils/raw-json';
import { locate, nodeIdForPath } from '../utils/tree-ops';
import { DiffPanel } from './DiffPanel';
import { FieldInspector } from './FieldInspector';
import { RootRules } from './RootRules';
import { FieldTree } from './FieldTree';
import { LintPanel } from './LintPanel';
import { RawJsonEditor } from './RawJsonEditor';
import { TemplatePreview } from './TemplatePreview';

export function TemplateEditorPage() {
  const { code = '', version = '' } = useParams();
  const v = Number(version);
  const q = useQuery({
    queryKey: adminKeys.templateVersion(code, v),
    queryFn: () => adminApi.getTemplateVersion(code, v),
  });
  if (q.isLoading) return <Spin tip="Đang tải biểu mẫu…" fullscreen={false} />;
  if (q.error || !q.data)
    return <Alert type="error" showIcon message={`Không tải được biểu mẫu: ${describeError(q.error)}`} />;
  return <TemplateEditor key={`${code}/${v}/${q.data.status}`} tv={q.data} />;
}

function TemplateEditor({ tv }: { tv: TemplateVersion }) {
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const readOnly = tv.status === 'published';
  const [state, dispatch] = useReducer(editorReducer, undefined, () =>
    initEditor(
      (tv.schema ?? { type: 'object', properties: {} }) as JsonObject,
      (tv.uiSchema ?? {}) as JsonObject,
      tv.document,
    ),
  );
  const [title, setTitle] = useState(tv.title);
  const [periodKind, setPeriodKind] = useState(tv.periodKind);
  const [tab, setTab] = useState('design');
  const [serverIssues, setServerIssues] = useState<Finding[]>([]);
  const dirty = state.dirty || title !== tv.title || periodKind !== tv.periodKind;

  useEffect(() => {
    if (state.notice) message.warning(state.notice.message);
  }, [state.notice, message]);

  useEffect(() => {
    if (!dirty) return;
    const h = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [dirty]);

  const { schema, uiSchema } = useMemo(() => modelToSchema(state.model), [state.model]);
  const deferredDoc = useDeferredValue(useMemo(() => ({ schema, uiSchema }), [schema, uiSchema]));

  const findings = useMemo(() => {
    const doc = {
      code: tv.code,
      version: tv.version,
      title,
      periodKind,
      schema: deferredDoc.schema,
      uiSchema: deferredDoc.uiSchema,
      document: state.document,
    };
    const seen = new Set<string>();
    const all: Finding[] = [];
    let lint: Finding[];
    try {
      lint = normalizeFindings(lintTemplate(doc));
    } catch (e) {
      lint = [
        { severity: 'error', path: '', message: `Không kiểm tra được biểu mẫu: ${(e as Error).message}` },
      ];
    }
    for (const f of [...builderChecks(state.model), ...lint, ...serverIssues]) {
      const k = `${f.severity}|${f.path}|${f.message}`;
      if (!seen.has(k)) {
        seen.add(k);
        all.push(f);
      }
    }
    return all.map((f) => {
      const nodeId = nodeIdForPath(state.model, f.path);
      const node = nodeId ? locate(state.model, nodeId)?.node : undefined;
      return { ...f, nodeId, fieldTitle: node ? node.title || node.key : undefined };
    });
  }, [deferredDoc, state.model, state.document, title, periodKind, tv.code, tv.version, serverIssues]);

  const findingsByNode = useMemo(() => {
    const m = new Map<string, Finding[]>();
    for (const f of findings) if (f.nodeId) m.set(f.nodeId, [...(m.get(f.nodeId) ?? []), f]);
    return m;
  }, [findings]);
  const errorCount = findings.filter((f) => f.severity === 'error').length;

  const body = () => ({ title, periodKind, schema, uiSchema, document: state.document ?? undefined });

  const save = useMutation({
    mutationFn: () => adminApi.updateTemplateVersion(tv.code, tv.version, body()),
    onSuccess: (saved) => {
      setServerIssues([]);
      dispatch({ type: 'markSaved' });
      qc.setQueryData(adminKeys.templateVersion(tv.code, tv.version), {
        ...saved,
        status: saved.status ?? tv.status,
      });
      void qc.invalidateQueries({ queryKey: adminKeys.templates });
      message.success('Đã lưu bản nháp.');
    },
    onError: (e) => {
      setServerIssues(serverFindings(e));
      message.error(`Chưa lưu được: ${describeError(e)}`);
    },
  });

  const publish = useMutation({
    mutationFn: async () => {
      if (dirty) await adminApi.updateTemplateVersion(tv.code, tv.version, body());
      return adminApi.publishTemplateVersion(tv.code, tv.version);
    },
    onSuccess: () => {
      message.success(`Đã xuất bản ${tv.code} phiên bản ${tv.version}.`);
      dispatch({ type: 'markSaved' });
      void qc.invalidateQueries({ queryKey: adminKeys.templates });
      void qc.invalidateQueries({ queryKey: adminKeys.templateVersion(tv.code, tv.version) });
    },
    onError: (e) => {
      setServerIssues(serverFindings(e));
      message.error(`Chưa xuất bản được: ${describeError(e)}`);
    },
  });

  const clone = useMutation({
    mutationFn: () =>
      adminApi.createTemplateVersion(tv.code, { ...body(), basedOn: { code: tv.code, version: tv.version } }),
    onSuccess: (created) => {
      message.success(`Đã tạo phiên bản nháp ${created.version}.`);
      void qc.invalidateQueries({ queryKey: adminKeys.templates });
      navigate(`/admin/templates/${encodeURIComponent(created.code)}/${created.version}`);
    },
    onError: (e) => {
      // A template of a unit above takes no new version from here: clone it under a new code instead.
      if (e instanceof ApiError && e.status === 403) {
        navigate('/admin/templates', { state: { cloneOf: { code: tv.code, version: tv.version } } });
        return;
      }
      message.error(`Chưa nhân bản được: ${describeError(e)}`);
    },
  });

  const confirmPublish = () => {
    if (state.rawError) return message.error('JSON đang có lỗi; hãy sửa hoặc hoàn tác trước khi xuất bản.');
    if (errorCount > 0) {
      setTab('lint');
      return message.error(`Còn ${errorCount} lỗi; không thể xuất bản.`);
    }
    modal.confirm({
      title: `Xuất bản ${tv.code} phiên bản ${tv.version}?`,
      content:
        'Sau khi xuất bản, phiên bản này KHÔNG THỂ SỬA được nữa: các đợt báo cáo và hồ sơ sẽ gắn cố định với nó. Muốn thay đổi về sau, hãy nhân bản thành phiên bản mới.',
      okText: 'Xuất bản',
      cancelText: 'Huỷ',
      okButtonProps: { ...({ 'data-testid': 'confirm-publish' } as Record<string, string>) },
      onOk: () => publish.mutateAsync(),
    });
  };

  const importFile = async (file: File) => {
    if (file.size > MAX_TEMPLATE_BYTES) {
      message.error(`Tệp “${file.name}” lớn hơn 5 MB; không có gì được nhập.`);
      return;
    }
    const text = await readFileText(file);
    const parsed = parseTemplateText(text);
    if (!parsed.ok) {
      modal.error({ title: 'Không nhập được tệp', content: parsed.message });
      return;
    }
    modal.confirm({
      title: 'Thay nội dung bản nháp bằng tệp này?',
      content: `Toàn bộ câu hỏi hiện tại của bản nháp sẽ được thay bằng nội dung của “${file.name}” (chưa lưu cho tới khi bấm Lưu nháp).`,
      okText: 'Thay thế',
      cancelText: 'Huỷ',
      onOk: () => {
        dispatch({ type: 'rawChange', text });
        if (typeof parsed.meta.title === 'string') setTitle(parsed.meta.title);
        if (typeof parsed.meta.periodKind === 'string') setPeriodKind(parsed.meta.periodKind);
      },
    });
  };

  const jump = (nodeId: string) => {
    dispatch({ type: 'select', id: nodeId });
    setTab('design');
  };

  const selectedFindings = state.selectedId ? (findingsByNode.get(state.selectedId) ?? []) : [];

  return (
    <div data-testid="template-editor">
      <Breadcrumb
        items={[
          { title: <Link to="/admin/templates">Biểu mẫu</Link> },
          { title: `${tv.code} — phiên bản ${tv.version}` },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Space align="center" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title || tv.code}
          </Typography.Title>
          <Tag color={readOnly ? 'green' : 'gold'} data-testid="version-status">
            {versionStatusLabel(tv.status)}
          </Tag>
          {tv.basedOn && (
            <Tag>
              Nhân bản từ {tv.basedOn.code} v{tv.basedOn.version}
            </Tag>
          )}
          {dirty && !readOnly && <Tag color="orange">Chưa lưu</Tag>}
        </Space>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              downloadJson(`${tv.code}-v${tv.version}.json`, {
                code: tv.code,
                version: tv.version,
                ...body(),
              })
            }
            data-testid="export-template"
          >
            Xuất tệp JSON
          </Button>
          {!readOnly && (
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={(f) => (void importFile(f), false)}
            >
              <Button icon={<UploadOutlined />} data-testid="import-template">
                Nhập từ tệp JSON
              </Button>
            </Upload>
          )}
          <Button
            icon={<CopyOutlined />}
            loading={clone.isPending}
            onClick={() => clone.mutate()}
            data-testid="clone-template"
          >
            Nhân bản thành phiên bản mới
          </Button>
          {!readOnly && (
            <>
              <Button
                icon={<SaveOutlined />}
                loading={save.isPending}
                disabled={!!state.rawError}
                onClick={() => save.mutate()}
                data-testid="save-template"
              >
                Lưu nháp
              </Button>
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={publish.isPending}
                onClick={confirmPublish}
                data-testid="publish-template"
                title={errorCount ? `Còn ${errorCount} lỗi` : undefined}
              >
                Xuất bản
              </Button>
            </>
          )}
        </Space>
      </Space>
      {readOnly && (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          message="Phiên bản đã xuất bản không thể sửa. Bấm “Nhân bản thành phiên bản mới” để làm phiên bản tiếp theo."
        />
      )}
      {!readOnly && (
        <Form layout="inline" style={{ marginTop: 8 }}>
          <Form.Item label="Tên biểu mẫu">
            <Input
              aria-label="Tên biểu mẫu"
              data-testid="template-title"
              style={{ width: 420 }}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </Form.Item>
          <Form.Item label="Loại kỳ">
            <Input
              aria-label="Loại kỳ báo cáo"
              style={{ width: 160 }}
              placeholder="nam, 6-thang"
              value={periodKind}
              onChange={(e) => setPeriodKind(e.target.value)}
            />
          </Form.Item>
        </Form>
      )}
      {errorCount > 0 && !readOnly && (
        <Alert
          style={{ marginTop: 8 }}
          type="error"
          showIcon
          data-testid="lint-summary"
          message={`Còn ${errorCount} lỗi cần sửa trước khi xuất bản.`}
          action={
            <Button size="small" onClick={() => setTab('lint')}>
              Xem danh sách
            </Button>
          }
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'design',
            label: 'Thiết kế',
            children: (
              <Row gutter={16}>
                <Col xs={24} lg={11}>
                  <FieldTree
                    model={state.model}
                    selectedId={state.selectedId}
                    readOnly={readOnly}
                    findingsByNode={findingsByNode}
                    onSelect={(id) => dispatch({ type: 'select', id })}
                    onAdd={(parentId, kind) => dispatch({ type: 'add', parentId, kind })}
                    onDuplicate={(id) => dispatch({ type: 'duplicate', id })}
                    onRemove={(id) => dispatch({ type: 'remove', id })}
                    onMove={(dragId, dropId, position) =>
                      dispatch({ type: 'move', dragId, dropId, position })
                    }
                  />
                </Col>
                <Col xs={24} lg={13}>
                  {state.selectedId ? (
                    <FieldInspector
                      model={state.model}
                      nodeId={state.selectedId}
                      readOnly={readOnly}
                      findings={selectedFindings}
                      onUpdate={(patch) => dispatch({ type: 'update', id: state.selectedId!, patch })}
                      onChangeKind={(kind) => dispatch({ type: 'changeKind', id: state.selectedId!, kind })}
                    />
                  ) : (
                    <>
                      <Empty description="Chọn một mục hoặc câu hỏi ở cây bên trái để sửa." />
                      <RootRules model={state.model} readOnly={readOnly} onChange={(rootExtra) => dispatch({ type: 'updateRoot', rootExtra })} />
                    </>
                  )}
                </Col>
              </Row>
            ),
          },
          {
            key: 'json',
            label: state.rawError ? <Typography.Text type="danger">JSON (lỗi)</Typography.Text> : 'JSON',
            children: (
              <RawJsonEditor
                text={state.rawText}
                error={state.rawError}
                readOnly={readOnly}
                onChange={(text) => dispatch({ type: 'rawChange', text })}
              />
            ),
          },
          {
            key: 'preview',
            label: 'Xem trước',
            children: tab === 'preview' ? <TemplatePreview model={state.model} /> : null,
          },
          {
            key: 'lint',
            label: `Kiểm tra (${errorCount} lỗi)`,
            children: <LintPanel findings={findings} onJump={jump} />,
          },
          {
            key: 'diff',
            label: 'So sánh & mang số liệu',
            children: tab === 'diff' ? <DiffPanel basedOn={tv.basedOn} schema={schema} /> : null,
          },
        ]}
      />
    </div>
  );
}
