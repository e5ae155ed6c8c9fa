import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { adminApi, type AppearanceImagePath } from '../../api/admin-api';
import { describeError } from '../../components/errors';
import { checkImageFile } from '../utils/image-check';

/**
 * Uploads the image of a digital signature's visible appearance (Nghị định 30/2020, Phụ lục I): the
 * signer's signature (blue) or the unit's seal (red), PNG on a transparent background. The server checks
 * the bytes again; here the obvious mistakes are named before sending.
 */
export function AppearanceImageField({ path, label, hint }: { path: AppearanceImagePath; label: string; hint: string }) {
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (file: File) => {
    const problem = await checkImageFile(file);
    if (problem) return setMessage({ type: 'error', text: problem });
    setBusy(true);
    try {
      const r = await adminApi.putAppearanceImage(path, file);
      setMessage({ type: 'success', text: `Đã lưu ${label.toLowerCase()} (${r.width}×${r.height} điểm ảnh).` });
    } catch (e) {
      setMessage({ type: 'error', text: describeError(e) });
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await adminApi.deleteAppearanceImage(path);
      setMessage({ type: 'success', text: `Đã xoá ${label.toLowerCase()}; văn bản sẽ dùng hình thức chữ ký tự tạo.` });
    } catch (e) {
      setMessage({ type: 'error', text: describeError(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{hint}</Typography.Text>
      <Space>
        <Upload accept="image/png" showUploadList={false} beforeUpload={(f) => (void send(f), false)}>
          <Button icon={<UploadOutlined />} loading={busy} aria-label={`Tải lên ${label.toLowerCase()}`}>
            Tải lên {label.toLowerCase()} (PNG)
          </Button>
        </Upload>
        <Button icon={<DeleteOutlined />} disabled={busy} onClick={() => void remove()} aria-label={`Xoá ${label.toLowerCase()}`}>
          Xoá
        </Button>
      </Space>
      {message && <Alert type={message.type} showIcon message={message.text} />}
    </Space>
  );
}
