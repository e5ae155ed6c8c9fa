import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal } from 'antd';
import { errorMessage } from '../../../shared/api/client';
import { api } from '../../../shared/api/endpoints';

/** "Quên mật khẩu": asks the unit's admin (and e-mails a link when the server can); the answer is the same for anyone. */
export function ForgotPasswordModal({ open, onClose, initialUsername }: { open: boolean; onClose: () => void; initialUsername?: string }) {
  const [form] = Form.useForm<{ username: string }>();
  const [answer, setAnswer] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: (username: string) => api.forgotPassword(username.trim()),
    onSuccess: (res) => setAnswer(res.message),
  });
  return (
    <Modal
      open={open}
      title="Quên mật khẩu"
      okText={answer ? 'Đóng' : 'Gửi yêu cầu'}
      cancelText="Hủy"
      cancelButtonProps={{ style: answer ? { display: 'none' } : undefined }}
      confirmLoading={ask.isPending}
      onCancel={onClose}
      onOk={() => (answer ? onClose() : form.submit())}
      destroyOnHidden
      afterClose={() => {
        setAnswer(null);
        ask.reset();
      }}
    >
      {answer ? (
        <Alert type="success" showIcon role="status" title={answer} data-testid="forgot-answer" />
      ) : (
        <Form form={form} name="forgot" layout="vertical" requiredMark={false} initialValues={{ username: initialUsername }} onFinish={(v) => ask.mutate(v.username)}>
          <p>Nhập tên đăng nhập. Quản trị viên của đơn vị sẽ được báo để đặt lại mật khẩu cho bạn.</p>
          <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, message: 'Hãy nhập tên đăng nhập' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          {ask.error && <Alert type="error" showIcon role="alert" title={errorMessage(ask.error)} />}
        </Form>
      )}
    </Modal>
  );
}
