import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { errorMessage, tokenStore } from '../../../shared/api/client';
import { ForgotPasswordModal } from './ForgotPasswordModal';
import { api, qk } from '../../../shared/api/endpoints';

/** Đăng nhập. After a session expired, returns to the page the user was on (its unsaved input is restored there). */
export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [touched, setTouched] = useState(false);
  const [forgot, setForgot] = useState(false);
  const changed = params.get('doi-mat-khau') === '1';
  const expired = params.get('het-phien') === '1';
  const next = safeNext(params.get('next'));
  const login = useMutation({
    mutationFn: (v: { username: string; password: string }) => api.login(v.username.trim(), v.password),
    onSuccess: (res) => {
      tokenStore.set(res.accessToken);
      qc.setQueryData(qk.me, res.user);
      navigate(next, { replace: true });
    },
  });
  return (
    <main className="bdg-signin">
      <Card style={{ width: 400, maxWidth: '100%' }} className="bdg-signin-card">
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 30 }}>
          Báo cáo BĐG
        </Typography.Title>
        <Typography.Paragraph type="secondary">Báo cáo bình đẳng giới và vì sự tiến bộ của phụ nữ ngành giáo dục</Typography.Paragraph>
        {expired && !touched && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại; dữ liệu bạn đang nhập vẫn được giữ."
          />
        )}
        {changed && !touched && (
          <Alert type="success" showIcon style={{ marginBottom: 16 }} title="Đã đổi mật khẩu. Hãy đăng nhập bằng mật khẩu mới." />
        )}
        {login.error && (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errorMessage(login.error)} />
        )}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onValuesChange={() => setTouched(true)}
          onFinish={(v) => login.mutate(v)}
          aria-label="Đăng nhập"
        >
          <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, message: 'Hãy nhập tên đăng nhập' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Hãy nhập mật khẩu' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            Đăng nhập
          </Button>
        </Form>
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => setForgot(true)} data-testid="forgot-password">
          Quên mật khẩu?
        </Button>
        <ForgotPasswordModal open={forgot} onClose={() => setForgot(false)} initialUsername={form.getFieldValue('username') as string | undefined} />
      </Card>
    </main>
  );
}

/** Only same-site paths, never an open redirect. */
function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
