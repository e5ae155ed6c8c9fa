/** Saving, publishing, cloning and importing a template version, with the messages an admin reads. */
import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dispatch } from 'react';
import { useNavigate } from 'react-router';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { TemplateVersion } from '../../api/types';
import { describeError, serverFindings } from '../../components/errors';
import { readFileText } from '../../components/download';
import { ApiError } from '../../../../shared/api/client';
import type { Finding } from '../../domain/bdg';
import type { EditorAction } from '../utils/editor-state';
import { MAX_TEMPLATE_BYTES, parseTemplateText } from '../utils/raw-json';

type Body = Parameters<typeof adminApi.updateTemplateVersion>[2];

interface Options {
  tv: TemplateVersion;
  body: () => Body;
  dirty: boolean;
  dispatch: Dispatch<EditorAction>;
  onServerIssues: (f: Finding[]) => void;
}

export function useTemplateActions({ tv, body, dirty, dispatch, onServerIssues }: Options) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const failed = (what: string) => (e: unknown) => {
    onServerIssues(serverFindings(e));
    message.error(`${what}: ${describeError(e)}`);
  };
  const save = useMutation({
    mutationFn: () => adminApi.updateTemplateVersion(tv.code, tv.version, body()),
    onSuccess: (saved) => {
      onServerIssues([]);
      dispatch({ type: 'markSaved' });
      qc.setQueryData(adminKeys.templateVersion(tv.code, tv.version), { ...saved, status: saved.status ?? tv.status });
      void qc.invalidateQueries({ queryKey: adminKeys.templates });
      message.success('Đã lưu bản nháp.');
    },
    onError: failed('Chưa lưu được'),
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
    onError: failed('Chưa xuất bản được'),
  });
  const clone = useMutation({
    mutationFn: () => adminApi.createTemplateVersion(tv.code, { ...body(), basedOn: { code: tv.code, version: tv.version } }),
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
  return { save, publish, clone };
}

/** Replacing the draft by a JSON file, after a size and shape check and the admin's confirmation. */
export function useTemplateImport(dispatch: Dispatch<EditorAction>, onMeta: (meta: { title?: string; periodKind?: string }) => void) {
  const { message, modal } = App.useApp();
  return async (file: File) => {
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
        onMeta({
          title: typeof parsed.meta.title === 'string' ? parsed.meta.title : undefined,
          periodKind: typeof parsed.meta.periodKind === 'string' ? parsed.meta.periodKind : undefined,
        });
      },
    });
  };
}
