/** The template builder for one version: visual tree + inspector, raw JSON, preview, lint, diff. */
import { Alert, App, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useParams } from 'react-router';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { TemplateVersion } from '../../api/types';
import { describeError } from '../../components/errors';
import { downloadJson } from '../../components/download';
import type { Finding } from '../../domain/bdg';
import { useTemplateActions, useTemplateImport } from '../hooks/use-template-actions';
import { useTemplateFindings } from '../hooks/use-template-findings';
import { editorReducer, initEditor } from '../utils/editor-state';
import { modelToSchema, type JsonObject } from '../utils/field-model';
import { TemplateEditorTabs } from './TemplateEditorTabs';
import { TemplateMetaForm } from './TemplateMetaForm';
import { TemplateToolbar } from './TemplateToolbar';

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

/** Leaving the page with unsaved changes asks first (the browser's own prompt). */
function useUnsavedGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const h = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [dirty]);
}

function TemplateEditor({ tv }: { tv: TemplateVersion }) {
  const { modal, message } = App.useApp();
  const readOnly = tv.status === 'published';
  const [state, dispatch] = useReducer(editorReducer, undefined, () =>
    initEditor((tv.schema ?? { type: 'object', properties: {} }) as JsonObject, (tv.uiSchema ?? {}) as JsonObject, tv.document),
  );
  const [title, setTitle] = useState(tv.title);
  const [periodKind, setPeriodKind] = useState(tv.periodKind);
  const [tab, setTab] = useState('design');
  const [serverIssues, setServerIssues] = useState<Finding[]>([]);
  const dirty = state.dirty || title !== tv.title || periodKind !== tv.periodKind;
  useEffect(() => {
    if (state.notice) message.warning(state.notice.message);
  }, [state.notice, message]);
  useUnsavedGuard(dirty);

  const { schema, uiSchema } = useMemo(() => modelToSchema(state.model), [state.model]);
  const { findings, findingsByNode, errorCount } = useTemplateFindings({ tv, title, periodKind, schema, uiSchema, model: state.model, document: state.document, serverIssues });
  const body = () => ({ title, periodKind, schema, uiSchema, document: state.document ?? undefined });
  const { save, publish, clone } = useTemplateActions({ tv, body, dirty, dispatch, onServerIssues: setServerIssues });
  const importFile = useTemplateImport(dispatch, (meta) => {
    if (meta.title !== undefined) setTitle(meta.title);
    if (meta.periodKind !== undefined) setPeriodKind(meta.periodKind);
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

  return (
    <div data-testid="template-editor">
      <TemplateToolbar
        tv={tv}
        title={title}
        dirty={dirty}
        readOnly={readOnly}
        errorCount={errorCount}
        rawError={!!state.rawError}
        busy={{ save: save.isPending, publish: publish.isPending, clone: clone.isPending }}
        onExport={() => downloadJson(`${tv.code}-v${tv.version}.json`, { code: tv.code, version: tv.version, ...body() })}
        onImport={(f) => void importFile(f)}
        onClone={() => clone.mutate()}
        onSave={() => save.mutate()}
        onPublish={confirmPublish}
      />
      <TemplateMetaForm readOnly={readOnly} title={title} periodKind={periodKind} errorCount={errorCount} onTitle={setTitle} onPeriodKind={setPeriodKind} onShowLint={() => setTab('lint')} />
      <TemplateEditorTabs
        tv={tv}
        tab={tab}
        onTab={setTab}
        state={state}
        dispatch={dispatch}
        readOnly={readOnly}
        schema={schema}
        findings={findings}
        findingsByNode={findingsByNode}
        errorCount={errorCount}
      />
    </div>
  );
}
