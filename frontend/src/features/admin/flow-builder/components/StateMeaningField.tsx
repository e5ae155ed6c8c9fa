/** A state's meaning, chosen in plain Vietnamese: its status tag (and the `locked` flag), never read from its name. */
import { Checkbox, Form, Select, Typography } from 'antd';
import { isStatusTag, STATUS_TAGS, tagLabels } from '@bdg/workflows';

const options = STATUS_TAGS.map((t) => ({ value: t, label: tagLabels[t] }));

export function StateMeaningField({ tags, onStatus, onLocked }: { tags: string[]; onStatus: (s: string) => void; onLocked: (v: boolean) => void }) {
  const status = tags.find(isStatusTag);
  return (
    <>
      <Form.Item
        label="Ý nghĩa của trạng thái"
        help={<Typography.Text type="secondary">Hệ thống dựa vào ý nghĩa này để đếm tiến độ, nhắc hạn và tổng hợp, không dựa vào tên.</Typography.Text>}
      >
        <Select aria-label="Ý nghĩa của trạng thái" data-testid="state-status" value={status} placeholder="Chọn ý nghĩa" options={options} onChange={onStatus} />
      </Form.Item>
      <Form.Item>
        <Checkbox checked={tags.includes('locked')} onChange={(e) => onLocked(e.target.checked)}>
          {tagLabels.locked}
        </Checkbox>
      </Form.Item>
    </>
  );
}
