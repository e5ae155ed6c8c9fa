/** The wizard's first step: the round's name, period and published template version. */
import { Form, Input, Select } from 'antd';
import type { TemplateSummary } from '../../api/types';
import type { RoundDraft } from '../utils/round-payload';

interface Props {
  draft: RoundDraft;
  setDraft: (d: RoundDraft) => void;
  templates: TemplateSummary[];
  loadingTemplates: boolean;
}

export function RoundGeneralStep({ draft, setDraft, templates, loadingTemplates }: Props) {
  const templateOptions = templates.flatMap((t) =>
    t.versions
      .filter((v) => v.status === 'published')
      .map((v) => ({ value: `${t.code}@${v.version}`, label: `${v.title || t.title} — ${t.code} v${v.version}` })),
  );
  return (
    <Form layout="vertical" style={{ maxWidth: 640 }}>
      <Form.Item label="Tên đợt báo cáo" required>
        <Input
          aria-label="Tên đợt báo cáo"
          data-testid="round-name"
          placeholder="Báo cáo công tác BĐG năm 2025"
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </Form.Item>
      <Form.Item label="Kỳ báo cáo" required>
        <Input
          aria-label="Kỳ báo cáo"
          data-testid="round-period"
          placeholder="2025, 2025-H1, 2021-2025"
          value={draft.period}
          onChange={(e) => setDraft({ ...draft, period: e.target.value })}
        />
      </Form.Item>
      <Form.Item label="Biểu mẫu (phiên bản đã xuất bản)" required>
        <Select
          aria-label="Biểu mẫu"
          data-testid="round-template"
          loading={loadingTemplates}
          showSearch
          optionFilterProp="label"
          value={draft.template ? `${draft.template.code}@${draft.template.version}` : undefined}
          onChange={(v: string) => {
            const [code, version] = v.split('@');
            setDraft({ ...draft, template: { code: code!, version: Number(version) } });
          }}
          options={templateOptions}
          notFoundContent="Chưa có biểu mẫu nào được xuất bản."
        />
      </Form.Item>
    </Form>
  );
}
