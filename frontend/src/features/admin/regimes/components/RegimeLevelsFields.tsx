/** The regime editor's flows per unit kind and levels with their deadline rules. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { emptyLevel, type LevelForm } from '../utils/regime-form';
import type { FieldsProps } from './RegimeGeneralFields';

export function RegimeFlowsFields({ form, set, flowCodes }: FieldsProps & { flowCodes: string[] }) {
  const setRow = (i: number, patch: Partial<{ kind: string; flow: string }>) => set({ flows: form.flows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <Card size="small" title="Quy trình theo loại đơn vị" style={{ marginBottom: 12 }}>
      {form.flows.map((r, i) => (
        <Space key={i} style={{ display: 'flex', marginBottom: 6 }} wrap>
          <Input data-testid={`regime-flow-kind-${i}`} value={r.kind} onChange={(e) => setRow(i, { kind: e.target.value })} placeholder="truong_th" style={{ width: 180 }} />
          <Select data-testid={`regime-flow-${i}`} value={r.flow || undefined} onChange={(v: string) => setRow(i, { flow: v })} options={flowCodes.map((c) => ({ value: c, label: c }))} placeholder="Quy trình" style={{ width: 200 }} />
          <Button icon={<DeleteOutlined />} aria-label="Xoá loại đơn vị" onClick={() => set({ flows: form.flows.filter((_, j) => j !== i) })} />
        </Space>
      ))}
      <Button icon={<PlusOutlined />} data-testid="regime-add-flow" onClick={() => set({ flows: [...form.flows, { kind: '', flow: '' }] })}>
        Thêm loại đơn vị
      </Button>
    </Card>
  );
}

export function RegimeLevelsFields({ form, set }: FieldsProps) {
  const kinds = form.flows.map((f) => f.kind).filter(Boolean);
  const setLevel = (i: number, patch: Partial<LevelForm>) => set({ levels: form.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  return (
    <Card size="small" title="Các cấp và hạn nộp (từ cấp dưới lên)" style={{ marginBottom: 12 }}>
      {form.levels.map((l, i) => (
        <Row key={i} gutter={8} align="middle" style={{ marginBottom: 8 }} data-testid={`regime-level-${i}`}>
          <Col xs={24} md={6}>
            <Input data-testid={`regime-level-label-${i}`} value={l.label} onChange={(e) => setLevel(i, { label: e.target.value })} placeholder="Tên cấp, ví dụ trường" />
          </Col>
          <Col xs={24} md={7}>
            <Select data-testid={`regime-level-kinds-${i}`} mode="multiple" value={l.kinds} onChange={(v: string[]) => setLevel(i, { kinds: v })} options={kinds.map((k) => ({ value: k, label: k }))} placeholder="Loại đơn vị" style={{ width: '100%' }} />
          </Col>
          <Col xs={24} md={10}>
            <Space wrap>
              <Select
                data-testid={`regime-level-rule-${i}`}
                value={l.rule}
                onChange={(v: LevelForm['rule']) => setLevel(i, { rule: v })}
                options={[
                  { value: 'date', label: 'Ngày' },
                  { value: 'workingDays', label: 'Số ngày làm việc sau ngày chốt' },
                ]}
                style={{ width: 150 }}
              />
              {l.rule === 'date' ? (
                <>
                  <Input data-testid={`regime-level-date-${i}`} value={l.date} onChange={(e) => setLevel(i, { date: e.target.value })} placeholder="10/6" style={{ width: 80 }} />
                  <Checkbox checked={l.nextYear} onChange={(e) => setLevel(i, { nextYear: e.target.checked })}>
                    năm sau
                  </Checkbox>
                </>
              ) : (
                <InputNumber data-testid={`regime-level-days-${i}`} min={1} max={120} value={l.workingDays} onChange={(v) => setLevel(i, { workingDays: v })} addonAfter="ngày" style={{ width: 120 }} />
              )}
            </Space>
          </Col>
          <Col xs={24} md={1}>
            <Button icon={<DeleteOutlined />} aria-label="Xoá cấp" onClick={() => set({ levels: form.levels.filter((_, j) => j !== i) })} />
          </Col>
        </Row>
      ))}
      <Button icon={<PlusOutlined />} data-testid="regime-add-level" onClick={() => set({ levels: [...form.levels, emptyLevel()] })}>
        Thêm cấp
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        Hạn của cấp trên phải sau hạn của cấp dưới và cách ngày chốt số liệu ít nhất 01 ngày làm việc; hạn rơi vào ngày nghỉ được dời sang ngày làm việc tiếp theo.
      </Typography.Paragraph>
    </Card>
  );
}
