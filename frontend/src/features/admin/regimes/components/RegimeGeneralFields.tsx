/** The regime editor's general part: name, template, frequency, cut-off, opening day, target, recipients. */
import { Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import type { TemplateSummary } from '../../api/types';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { FREQUENCY_OPTIONS, type RegimeForm } from '../utils/regime-form';

export interface FieldsProps {
  form: RegimeForm;
  set: (patch: Partial<RegimeForm>) => void;
}

export function RegimeGeneralFields({ form, set, templates, editing }: FieldsProps & { templates: TemplateSummary[]; editing: boolean }) {
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Form.Item label="Tên chế độ báo cáo" required>
            <Input data-testid="regime-name" value={form.name} onChange={(e) => set({ name: e.target.value })} placeholder="Báo cáo 6 tháng công tác bình đẳng giới" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Mã" required tooltip="Chữ thường không dấu, số và gạch nối; không đổi sau khi lưu.">
            <Input data-testid="regime-code" value={form.code} disabled={editing} onChange={(e) => set({ code: e.target.value })} placeholder="bao-cao-6-thang" />
          </Form.Item>
        </Col>
      </Row>
      <TemplateFields form={form} set={set} templates={templates} />
      <FrequencyFields form={form} set={set} />
      <CutOffAndOpening form={form} set={set} />
      <TargetFields form={form} set={set} />
    </>
  );
}

/** The template, and its version: fixed, or the latest published one when each round opens. */
function TemplateFields({ form, set, templates }: FieldsProps & { templates: TemplateSummary[] }) {
  const template = templates.find((t) => t.code === form.templateCode);
  const published = (template?.versions ?? []).filter((v) => v.status === 'published');
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item label="Biểu mẫu" required>
          <Select
            data-testid="regime-template"
            showSearch
            optionFilterProp="label"
            value={form.templateCode || undefined}
            onChange={(v: string) => set({ templateCode: v, templateVersion: null })}
            options={templates.map((t) => ({ value: t.code, label: `${t.title} (${t.code})` }))}
            placeholder="Chọn biểu mẫu"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="Phiên bản">
          <Select
            data-testid="regime-template-version"
            value={form.templateVersion ?? 0}
            onChange={(v: number) => set({ templateVersion: v || null })}
            options={[{ value: 0, label: 'Bản đã ban hành mới nhất khi mở đợt' }, ...published.map((v) => ({ value: v.version, label: `Cố định phiên bản ${v.version}` }))]}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** How often rounds open, and which periods of the year. */
function FrequencyFields({ form, set }: FieldsProps) {
  return (
    <Row gutter={12}>
      <Col xs={24} md={8}>
        <Form.Item label="Tần suất" required>
          <Select data-testid="regime-frequency" value={form.frequency} onChange={(v) => set({ frequency: v })} options={FREQUENCY_OPTIONS} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        {form.frequency === 'half-year' && (
          <Form.Item label="Các kỳ trong năm">
            <Checkbox.Group
              data-testid="regime-halves"
              value={form.halves}
              onChange={(v) => set({ halves: v as Array<1 | 2> })}
              options={[
                { value: 1, label: '6 tháng đầu năm' },
                { value: 2, label: '6 tháng cuối năm' },
              ]}
            />
          </Form.Item>
        )}
        {form.frequency === 'quarter' && (
          <Form.Item label="Các quý">
            <Checkbox.Group value={form.quarters} onChange={(v) => set({ quarters: v as Array<1 | 2 | 3 | 4> })} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Quý ${q}` }))} />
          </Form.Item>
        )}
        {form.frequency === 'multi-year' && (
          <Form.Item label="Kỳ đầu tiên" required>
            <Input value={form.firstPeriod} onChange={(e) => set({ firstPeriod: e.target.value })} placeholder="2021-2030" />
          </Form.Item>
        )}
      </Col>
    </Row>
  );
}

/** Where the regime reports from, who receives its documents, and when the level above is told of a late unit. */
function TargetFields({ form, set }: FieldsProps) {
  return (
    <Row gutter={12}>
      <Col xs={24} md={8}>
        <Form.Item label="Đơn vị gốc (mã)" required tooltip="Đơn vị ở gốc phạm vi báo cáo: mã của Sở, của Phòng hoặc của xã/phường.">
          <Input data-testid="regime-root" value={form.rootUnitCode} onChange={(e) => set({ rootUnitCode: e.target.value })} placeholder="Mã đơn vị" />
          <div style={{ marginTop: 6 }}>
            <OrgUnitTreeSelect data-testid="regime-root-picker" value={null} placeholder="hoặc chọn trong cây đơn vị" onChange={(_, unit) => unit && set({ rootUnitCode: unit.code })} />
          </div>
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item label="Nơi nhận" tooltip="In ở mục Nơi nhận của văn bản mỗi đợt.">
          <Select data-testid="regime-recipients" mode="tags" value={form.recipients} onChange={(v: string[]) => set({ recipients: v })} placeholder="UBND tỉnh…" open={false} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item label="Báo cấp trên sau (ngày làm việc)" tooltip="Đơn vị chưa nộp sau hạn bấy nhiêu ngày làm việc thì cấp trên được báo (mặc định 2).">
          <InputNumber data-testid="regime-escalate" min={1} max={60} value={form.escalateAfterWorkingDays} onChange={(v) => set({ escalateAfterWorkingDays: v })} placeholder="2" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

function CutOffAndOpening({ form, set }: FieldsProps) {
  const custom = !!(form.cutOffFrom || form.cutOffTo);
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item label="Thời gian chốt số liệu">
          <Radio.Group
            data-testid="regime-cutoff-mode"
            value={custom ? 'custom' : 'default'}
            onChange={(e) => set(e.target.value === 'custom' ? { cutOffFrom: '15/12', cutOffTo: '14/6' } : { cutOffFrom: '', cutOffTo: '' })}
            options={[
              { value: 'default', label: 'Theo Nghị định 09/2019/NĐ-CP' },
              { value: 'custom', label: 'Đặt lại' },
            ]}
          />
          {custom && (
            <Space.Compact style={{ marginTop: 8 }}>
              <Input data-testid="regime-cutoff-from" style={{ width: '45%' }} addonBefore="từ" value={form.cutOffFrom} onChange={(e) => set({ cutOffFrom: e.target.value })} placeholder="15/12" />
              <Input data-testid="regime-cutoff-to" style={{ width: '45%' }} addonBefore="đến" value={form.cutOffTo} onChange={(e) => set({ cutOffTo: e.target.value })} placeholder="14/6" />
            </Space.Compact>
          )}
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="Ngày mở đợt">
          <Radio.Group value={form.opensMode} onChange={(e) => set({ opensMode: e.target.value })}>
            <Radio value="before">
              <InputNumber data-testid="regime-opens-days" size="small" min={0} max={365} value={form.opensDaysBefore} onChange={(v) => set({ opensDaysBefore: v, opensMode: 'before' })} style={{ width: 70 }} /> ngày trước hạn sớm nhất
            </Radio>
            <Radio value="date">
              ngày <Input data-testid="regime-opens-date" size="small" value={form.opensDate} onChange={(e) => set({ opensDate: e.target.value, opensMode: 'date' })} placeholder="20/5" style={{ width: 70 }} /> hằng năm
            </Radio>
          </Radio.Group>
        </Form.Item>
      </Col>
    </Row>
  );
}
