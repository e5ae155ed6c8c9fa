import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Tag } from 'antd';
import { CommentOutlined, DeleteOutlined } from '@ant-design/icons';
import { formatNumber, formatPercent, formatValue } from '../../../shared/format/format';
import { compareWithPrevious } from '../utils/compare';

export interface FieldReviewExtrasProps {
  pointer: string;
  label: string;
  /** The field's unit (x-unit), for the values shown. */
  unit?: string;
  current: unknown;
  previous: unknown;
  previousRound?: string;
  isChanged: boolean;
  changedFrom: unknown;
  earlier?: string[];
  draft?: string;
  editing: boolean;
  onEdit: () => void;
  onSave: (text: string) => void;
  onCancel: () => void;
}

/** Under each field of the report being reviewed: the previous round, what changed since it was returned, comments. */
export function FieldReviewExtras(props: FieldReviewExtrasProps) {
  const cmp = props.previousRound ? compareWithPrevious(props.current, props.previous) : null;
  return (
    <div data-testid={`review-extras-${props.pointer}`}>
      {cmp && (
        <div className="bdg-prev">
          {props.previousRound}: {formatNumber(cmp.previous)}
          {cmp.change !== null && ` (${cmp.change > 0 ? '+' : ''}${formatPercent(cmp.change)})`}{' '}
          {cmp.large && <span className="bdg-flag">⚠ Thay đổi lớn</span>}
        </div>
      )}
      {props.isChanged && <Tag color="#874d00">Đã sửa sau khi trả lại (trước: {formatValue(props.changedFrom, props.unit)})</Tag>}
      {props.earlier?.map((t, i) => (
        <div key={i} className="bdg-prev">
          Ý kiến trước: {t}
        </div>
      ))}
      {props.draft && !props.editing && (
        <Alert type="info" title={`Ý kiến của bạn: ${props.draft}`} action={<Button size="small" type="text" icon={<DeleteOutlined />} aria-label="Xóa ý kiến" onClick={() => props.onSave('')} />} />
      )}
      {props.editing ? (
        <CommentEditor pointer={props.pointer} label={props.label} initial={props.draft ?? ''} onSave={props.onSave} onCancel={props.onCancel} />
      ) : (
        <Button size="small" type="link" icon={<CommentOutlined />} onClick={props.onEdit} aria-label={`Nhận xét trường ${props.label}`}>
          Nhận xét
        </Button>
      )}
    </div>
  );
}

function CommentEditor({ pointer, label, initial, onSave, onCancel }: { pointer: string; label: string; initial: string; onSave: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(initial);
  return (
    <Card size="small">
      <label htmlFor={`cmt-${pointer}`}>Ý kiến về “{label}”</label>
      <Input.TextArea id={`cmt-${pointer}`} autoFocus rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      <Space style={{ marginTop: 4 }}>
        <Button size="small" type="primary" onClick={() => onSave(text)}>
          Lưu ý kiến
        </Button>
        <Button size="small" onClick={onCancel}>
          Hủy
        </Button>
      </Space>
    </Card>
  );
}
