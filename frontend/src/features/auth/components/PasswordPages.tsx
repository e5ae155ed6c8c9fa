import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { errorMessage } from '../../../shared/api/client';
import { api } from '../../../shared/api/endpoints';

type NewPassword = { newPassword: string; confirm: string };

const sameAsNew = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
  validator: (_: unknown, v: unknown) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('Hai mật khẩu chưa giống nhau'))),
});

function NewPasswordFields() {
  return (
    <>
      <Form.Item
        label="Mật khẩu mới"
        name="newPassword"
        extra="Ít nhất 10 ký tự, không phải mật khẩu phổ biến, không trùng tên đăng nhập."
        rules={[{ required: true, message: 'Hãy nhập mật khẩu mới' }, { min: 10, message: 'Mật khẩu cần ít nhất 10 ký tự' }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label="Nhập lại mật khẩu mới" name="confirm" dependencies={['newPassword']} rules={[{ required: true, message: 'Hãy nhập lại mật khẩu mới' }, sameAsNew]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

/** The page of the e-mailed one-time link: choose a new password, then sign in. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const reset = useMutation({
    mutationFn: (v: NewPassword) => api.resetPassword(token, v.newPassword),
    onSuccess: () => navigate('/login?doi-mat-khau=1', { replace: true }),
  });
  return (
    <main className="bdg-signin">
      <Card style={{ width: 440, maxWidth: '100%' }}>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 28 }}>
          Đặt lại mật khẩu
        </Typography.Title>
        {reset.error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errorMessage(reset.error)} />}
        <Form layout="vertical" requiredMark={false} onFinish={(v: NewPassword) => reset.mutate(v)}>
          <NewPasswordFields />
          <Button type="primary" htmlType="submit" loading={reset.isPending} block>
            Đặt mật khẩu mới
          </Button>
        </Form>
        <p style={{ marginTop: 16 }}>
          <Link to="/login">Quay lại đăng nhập</Link>
        </p>
      </Card>
    </main>
  );
}
