/** The wizard's third step: a flow and a deadline per unit kind (a kind without a flow gets no report). */
import { Button, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { FlowSummary } from '../../api/types';
import { suggestFlow, type KindRow, type RoundDraft } from '../utils/round-payload';
import type { useDeadlineCheck } from '../hooks/use-deadline-check';
import { DeadlineFindings } from './DeadlineFindings';

export const DATE_FMT = 'DD/MM/YYYY';

interface Props {
  draft: RoundDraft;
  setDraft: (d: RoundDraft) => void;
  kindCounts: Map<string, number> | null;
  publishedFlows: FlowSummary[];
  deadlineCheck: ReturnType<typeof useDeadlineCheck>;
}

export function RoundFlowsStep({ draft, setDraft, kindCounts, publishedFlows, deadlineCheck }: Props) {
  const [newKind, setNewKind] = useState('');
  const setRow = (kind: string, patch: Partial<KindRow>) =>
    setDraft({ ...draft, rows: draft.rows.map((r) => (r.kind === kind ? { ...r, ...patch } : r)) });
  const addKind = () => {
    setDraft({ ...draft, rows: [...draft.rows, { kind: newKind, flowCode: suggestFlow(newKind, publishedFlows.map((f) => f.code)) }] });
    setNewKind('');
  };
  return (
    <>
      <Typography.Paragraph type="secondary">
        Mỗi loại đơn vị có quy trình riêng; loại không chọn quy trình sẽ không nhận hồ sơ. Đơn vị lá điền biểu mẫu,
        các đơn vị phía trên tổng hợp.
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="kind"
        pagination={false}
        data-testid="round-kinds"
        dataSource={draft.rows}
        columns={[
          { title: 'Loại đơn vị', dataIndex: 'kind', render: (k: string) => <Tag>{k}</Tag> },
          { title: 'Số đơn vị', render: (_, r) => kindCounts?.get(r.kind) ?? '—' },
          {
            title: 'Quy trình',
            render: (_, r) => (
              <Select
                aria-label={`Quy trình cho ${r.kind}`}
                data-testid={`round-flow-${r.kind}`}
                style={{ width: 220 }}
                allowClear
                placeholder="Không nhận hồ sơ"
                value={r.flowCode}
                onChange={(v?: string) => setRow(r.kind, { flowCode: v })}
                options={publishedFlows.map((f) => ({ value: f.code, label: `${f.title || f.code} (${f.code})` }))}
              />
            ),
          },
          {
            title: 'Hạn nộp',
            render: (_, r) => (
              <DatePicker
                aria-label={`Hạn nộp cho ${r.kind}`}
                data-testid={`round-deadline-${r.kind}`}
                format={DATE_FMT}
                placeholder="dd/mm/yyyy"
                disabled={!r.flowCode}
                value={r.deadline ? dayjs(r.deadline) : null}
                onChange={(d) => setRow(r.kind, { deadline: d ? d.format('YYYY-MM-DD') : undefined })}
              />
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Input
          aria-label="Thêm loại đơn vị"
          placeholder="Thêm loại đơn vị khác"
          value={newKind}
          onChange={(e) => setNewKind(e.target.value.trim())}
          style={{ width: 220 }}
        />
        <Button disabled={!newKind || draft.rows.some((r) => r.kind === newKind)} onClick={addKind}>
          Thêm
        </Button>
      </Space>
      <DeadlineFindings check={deadlineCheck} />
    </>
  );
}
