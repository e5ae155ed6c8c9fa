import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';

/** Never a blank page: anything thrown while rendering shows a Vietnamese message and a way back. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: unknown }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidUpdate(prev: { resetKey?: unknown }) {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Lỗi hiển thị', error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title="Trang này gặp lỗi khi hiển thị"
        subTitle="Dữ liệu bạn đã nhập vẫn được lưu tạm trên trình duyệt. Hãy tải lại trang hoặc quay về trang chủ."
        extra={[
          <Button key="retry" type="primary" onClick={() => this.setState({ error: null })}>
            Thử lại
          </Button>,
          <Button key="home" onClick={() => window.location.assign('/')}>
            Về Việc cần làm
          </Button>,
        ]}
      />
    );
  }
}
