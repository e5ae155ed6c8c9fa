/** A new template: empty, or imported from a JSON file (checked for size and shape before anything is sent). */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Typography, Upload } from 'antd';
import type { FormInstance } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { TemplateVersionInput } from '../../api/types';
import { describeError } from '../../components/errors';
import { readFileText } from '../../components/download';
import type { JsonObject } from '../utils/field-model';
import { MAX_TEMPLATE_BYTES, parseTemplateText } from '../utils/raw-json';
import { TEMPLATE_CODE, TemplateCodeAndTitle } from './TemplateCodeField';

type Mode = null | 'new' | 'import';
type Fields = { code: string; title: string; periodKind: string };
type FileDoc = { name: string; schema: JsonObject; uiSchema: JsonObject; document?: unknown };

function useImportFile(form: FormInstance<Fields>) {
  const [fileDoc, setFileDoc] = useState<FileDoc | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
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
    setFileDoc({ name: file.name, schema: parsed.schema, uiSchema: parsed.uiSchema ?? {}, document: parsed.meta.document });
    form.setFieldsValue({
      code: typeof parsed.meta.code === 'string' ? parsed.meta.code : form.getFieldValue('code'),
      title: typeof parsed.meta.title === 'string' ? parsed.meta.title : String(parsed.schema.title ?? ''),
      periodKind: typeof parsed.meta.periodKind === 'string' ? parsed.meta.periodKind : 'nam',
    });
  };
  const reset = () => {
    setFileDoc(null);
    setFileError(null);
  };
  return { fileDoc, fileError, setFileError, onFile, reset };
}

export function NewTemplateModal({ mode, onClose }: { mode: Mode; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Fields>();
  const file = useImportFile(form);
  const close = () => {
    form.resetFields();
    file.reset();
    onClose();
  };
  const create = useMutation({
    mutationFn: (input: { code: string; body: TemplateVersionInput }) => adminApi.createTemplateVersion(input.code, input.body),
    onSuccess: (created) => {
      message.success(`Đã tạo bản nháp ${created.code} phiên bản ${created.version}.`);
      void qc.invalidateQueries({ queryKey: adminKeys.templates });
      close();
      navigate(`/admin/templates/${encodeURIComponent(created.code)}/${created.version}`);
    },
    onError: (e) => message.error(`Chưa tạo được: ${describeError(e)}`),
  });
  const submit = async () => {
    const v = await form.validateFields();
    if (mode === 'import' && !file.fileDoc) return file.setFileError('Hãy chọn một tệp JSON hợp lệ.');
    const schema: JsonObject = file.fileDoc?.schema ?? { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', title: v.title, properties: {} };
    create.mutate({ code: v.code, body: { title: v.title, periodKind: v.periodKind, schema, uiSchema: file.fileDoc?.uiSchema ?? {}, document: file.fileDoc?.document } });
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
        {mode === 'import' && <ImportFileField fileDoc={file.fileDoc} fileError={file.fileError} onFile={file.onFile} />}
        <TemplateFields />
      </Form>
    </Modal>
  );
}

function ImportFileField({ fileDoc, fileError, onFile }: { fileDoc: FileDoc | null; fileError: string | null; onFile: (f: File) => Promise<void> }) {
  return (
    <Form.Item label="Tệp JSON (xuất từ hệ thống, tối đa 5 MB)">
      <Upload accept=".json,application/json" maxCount={1} beforeUpload={(f) => (void onFile(f), false)} showUploadList={false}>
        <Button icon={<UploadOutlined />} data-testid="import-file-picker">
          Chọn tệp
        </Button>
      </Upload>
      {fileDoc && (
        <Typography.Text style={{ marginLeft: 8 }}>
          {fileDoc.name} — {Object.keys((fileDoc.schema.properties as object) ?? {}).length} mục
        </Typography.Text>
      )}
      {fileError && <Alert style={{ marginTop: 8 }} type="error" showIcon message={fileError} data-testid="import-file-error" />}
    </Form.Item>
  );
}

function TemplateFields() {
  return (
    <>
      <TemplateCodeAndTitle codeName="code" codeLabel="Mã biểu mẫu" example="bdg-truong" titleLabel="Tên biểu mẫu mới" />
      <Form.Item name="periodKind" label="Loại kỳ báo cáo" rules={[{ required: true, pattern: TEMPLATE_CODE, message: 'Ví dụ: nam, 6-thang, giai-doan' }]}>
        <Input aria-label="Loại kỳ" />
      </Form.Item>
    </>
  );
}
