import { useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Card } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadSvgAsPng, slugify } from '../utils/chart-png';

/** A chart with a title, an accessible summary and a "Tải ảnh PNG" button. */
export function ChartCard({ title, summary, children, testId }: { title: string; summary: string; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <Card
      className="bdg-chart-card"
      title={<h3 style={{ margin: 0, fontSize: 16 }}>{title}</h3>}
      data-testid={testId}
      extra={
        <Button
          icon={<DownloadOutlined aria-hidden />}
          onClick={() => {
            setError(null);
            downloadSvgAsPng(ref.current, slugify(title)).catch((e: unknown) => setError(e instanceof Error ? e.message : 'Không tải được ảnh.'));
          }}
          aria-label={`Tải ảnh PNG: ${title}`}
        >
          Tải ảnh PNG
        </Button>
      }
    >
      <div ref={ref} role="img" aria-label={`${title}. ${summary}`}>
        {children}
      </div>
      {error && <Alert type="error" showIcon title={error} />}
    </Card>
  );
}
