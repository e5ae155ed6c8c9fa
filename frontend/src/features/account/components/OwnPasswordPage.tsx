import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { ApiError, errorMessage, tokenStore } from '../../../shared/api/client';
import { api, qk } from '../../../shared/api/endpoints';
import { useSession } from '../../auth/hooks/use-session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The policy's length, checked here for a quick answer; the server checks the whole policy (common passwords, the username). */
const MIN_LENGTH = 10;

/** Đổi mật khẩu của chính mình (/tai-khoan/mat-khau): the other devices are signed out, this one stays signed in. */
export function OwnPasswordPage() {
  const [form] = Form.useForm<Values>();
  const { user } = useSession();
  const qc = useQueryClient();
  const change = useMutation({
    mutationFn: (v: Values) => api.changeMyPassword(v.currentPassword, v.newPassword),
    onSuccess: async (res) => {
      tokenStore.set(res.accessToken);
      form.resetFields();
      // After an admin's reset the app held the user here (mustChangePassword): the fresh profile lets them go on.
      await qc.invalidateQueries({ queryKey: qk.me });
    },
    onError: (e) => {
      // the server names the field (currentPassword / newPassword): the message goes beside it
      if (e instanceof ApiError)
        form.setFields(e.fieldProblems.filter((p) => p.path === 'currentPassword' || p.path === 'newPassword').map((p) => ({ name: p.path as keyof Values, errors: [p.message] })));
    },
  });
  return (
    <Card style={{ maxWidth: 480 }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Đổi mật khẩu
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Sau khi đổi, các thiết bị và trình duyệt khác đang đăng nhập bằng tài khoản này sẽ phải đăng nhập lại.
      </Typography.Paragraph>
      {user?.mustChangePassword && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="Quản trị viên đã đặt mật khẩu tạm thời cho bạn. Hãy chọn mật khẩu mới để tiếp tục." />
      )}
      {change.isSuccess && <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} title="Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất." />}
      {change.error && !(change.error instanceof ApiError && change.error.fieldProblems.length) && (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errorMessage(change.error)} />
      )}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => change.mutate(v)} aria-label="Đổi mật khẩu">
        <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[{ required: true, message: 'Hãy nhập mật khẩu hiện tại' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="Mật khẩu mới"
          name="newPassword"
          extra={`Ít nhất ${MIN_LENGTH} ký tự, không phải mật khẩu phổ biến, không trùng tên đăng nhập.`}
          rules={[
            { required: true, message: 'Hãy nhập mật khẩu mới' },
            { min: MIN_LENGTH, message: `Mật khẩu mới cần ít nhất ${MIN_LENGTH} ký tự` },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu mới"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: 'Hãy nhập lại mật khẩu mới' },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('Hai lần nhập mật khẩu mới không khớp'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          Đổi mật khẩu
        </Button>
      </Form>
    </Card>
  );
}
