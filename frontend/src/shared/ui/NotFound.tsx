import { Button, Result } from 'antd';
import { Link } from 'react-router';

export function NotFound() {
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Đường dẫn không đúng hoặc bạn không có quyền xem trang này."
      extra={
        <Link to="/">
          <Button type="primary">Về Việc cần làm</Button>
        </Link>
      }
    />
  );
}
