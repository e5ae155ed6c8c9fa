/** Every path from start to end, in the words an admin uses ("Soạn thảo → Gửi ký → …"). */
import { Alert, List, Tag, Tooltip, Typography } from 'antd';

export interface PathView {
  target: string;
  targetLabel: string;
  startLabel: string;
  steps: { key: string; event: string; eventLabel: string; toLabel: string; guards: string[] }[];
}

export interface LoopView {
  fromLabel: string;
  eventLabel: string;
  event: string;
  toLabel: string;
}

export function SimulationPanel({
  paths,
  loops = [],
  blocked,
}: {
  paths: PathView[] | null;
  loops?: LoopView[];
  blocked: string | null;
}) {
  if (blocked) return <Alert type="warning" showIcon message={blocked} data-testid="simulation-blocked" />;
  if (!paths) return null;
  if (!paths.length)
    return (
      <Alert
        type="error"
        showIcon
        message="Không có đường nào đi từ trạng thái bắt đầu tới trạng thái kết thúc."
      />
    );
  return (
    <>
      <List
        data-testid="simulation-panel"
        size="small"
        header={<Typography.Text strong>{paths.length} đường đi từ bắt đầu đến kết thúc</Typography.Text>}
        dataSource={paths}
        renderItem={(p, i) => (
          <List.Item data-testid="simulation-path">
            <span>
              <Typography.Text type="secondary">{i + 1}. </Typography.Text>
              {p.startLabel}
              {p.steps.map((s, j) => (
                <span key={j}>
                  {' → '}
                  <Tooltip title={[`Sự kiện ${s.event}; tới «${s.toLabel}»`, ...s.guards].join(' · ')}>
                    <Typography.Text underline={false}>{s.eventLabel}</Typography.Text>
                  </Tooltip>
                </span>
              ))}{' '}
              <Tag color="green">{p.targetLabel}</Tag>
            </span>
          </List.Item>
        )}
      />
      {loops.length > 0 && (
        <List
          style={{ marginTop: 12 }}
          size="small"
          data-testid="simulation-loops"
          header={
            <Typography.Text strong>
              Các vòng quay lại (trả lại, sửa rồi gửi lại), có thể lặp nhiều lần trước khi tới kết thúc
            </Typography.Text>
          }
          dataSource={loops}
          renderItem={(l) => (
            <List.Item data-testid="simulation-loop">
              <span>
                {l.fromLabel} → <Tooltip title={`Sự kiện ${l.event}`}>{l.eventLabel}</Tooltip> → {l.toLabel}{' '}
                <Tag>quay lại</Tag>
              </span>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
