/**
 * Cloning a template version: a new version of the same code (templates this admin's unit owns), or a new template
 * under a new code (a template of a unit above, e.g. the ministry's: the server refuses new versions of it with 403).
 */
import { Alert, App, Form, Modal, Radio } from 'antd';
import type { FormInstance } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../../shared/api/client';
import { useSession } from '../../../auth/hooks/use-session';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { TemplateSummary } from '../../api/types';
import { describeError } from '../../components/errors';
import { TemplateCodeAndTitle } from './TemplateCodeField';


type CloneOf = { code: string; version: number; owned: boolean };
type CloneFields = { mode: 'version' | 'code'; newCode: string; title: string };
type CloneInput = { code: string; version: number; target?: string; title?: string };

function useCloneMutation(cloneOf: CloneOf | null, setCloneOf: (c: CloneOf | null) => void, form: FormInstance<CloneFields>) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ code, version, target, title }: CloneInput) => {
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
        form.setFieldsValue({ mode: 'code' });
      }
      message.error(`Chưa nhân bản được: ${describeError(e)}`);
    },
  });
}

export function useTemplateClone() {
  const navigate = useNavigate();
  const { user } = useSession();
  const [cloneOf, setCloneOf] = useState<CloneOf | null>(null);
  const [form] = Form.useForm<CloneFields>();
  const clone = useCloneMutation(cloneOf, setCloneOf, form);

  const start = (t: TemplateSummary, version: number) => {
    const owned = !user || t.ownerUnitId === user.unitId;
    const src = t.versions.find((v) => v.version === version);
    setCloneOf({ code: t.code, version, owned });
    form.setFieldsValue({ mode: owned ? 'version' : 'code', newCode: '', title: src?.title || t.title });
  };

  // The editor sends a refused clone here (a template of a unit above): open the new-code dialog for it.
  const location = useLocation();
  const requested = (location.state as { cloneOf?: { code: string; version: number } } | null)?.cloneOf;
  useEffect(() => {
    if (!requested) return;
    setCloneOf({ ...requested, owned: false });
    form.setFieldsValue({ mode: 'code', newCode: '', title: '' });
    navigate('.', { replace: true, state: null });
  }, [requested, form, navigate]);

  const submit = async () => {
    if (!cloneOf) return;
    const v = await form.validateFields();
    clone.mutate(v.mode === 'version' ? { code: cloneOf.code, version: cloneOf.version } : { code: cloneOf.code, version: cloneOf.version, target: v.newCode.trim(), title: v.title });
  };
  return { cloneOf, close: () => setCloneOf(null), form, clone, start, submit };
}

export function CloneTemplateModal({ c }: { c: ReturnType<typeof useTemplateClone> }) {
  const { cloneOf } = c;
  return (
    <Modal
      open={!!cloneOf}
      title={cloneOf ? `Nhân bản ${cloneOf.code} phiên bản ${cloneOf.version}` : ''}
      okText="Nhân bản thành bản nháp"
      cancelText="Huỷ"
      okButtonProps={{ ...({ 'data-testid': 'confirm-clone' } as Record<string, string>) }}
      confirmLoading={c.clone.isPending}
      onOk={c.submit}
      onCancel={c.close}
      forceRender
    >
      <Form form={c.form} layout="vertical" initialValues={{ mode: 'code' }}>
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
          {({ getFieldValue }) => getFieldValue('mode') === 'code' && <NewCodeFields />}
        </Form.Item>
      </Form>
    </Modal>
  );
}

function NewCodeFields() {
  return <TemplateCodeAndTitle codeName="newCode" codeLabel="Mã biểu mẫu mới" example="bdg-2021-2025" titleLabel="Tên biểu mẫu nhân bản" testIdPrefix="clone" />;
}
