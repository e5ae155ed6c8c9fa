import { Alert, Button } from 'antd';
import type { FieldComment, Submission } from '../../../shared/api/types';
import { OFFLINE_TEXT } from './SaveStatusText';

const GAP = { marginBottom: 12 } as const;

/** Why the form is read-only: signed and locked, locked, or not this user's to write. */
export function AccessNotices({ submission, editable }: { submission: Submission; editable: boolean }) {
  if (submission.locked || submission.final)
    return (
      <Alert
        type="info"
        showIcon
        style={GAP}
        data-testid="locked-notice"
        title={submission.signature ? 'Biểu mẫu đã được ký và khóa; chỉ xem.' : 'Biểu mẫu đang khóa; chỉ xem.'}
      />
    );
  if (editable) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={GAP}
      data-testid="readonly-notice"
      title="Bạn xem biểu mẫu ở chế độ chỉ đọc: chỉ người nhập liệu của đơn vị được sửa nội dung."
    />
  );
}

/** The level above's comments on fields, each a link to its field. */
export function FieldCommentsNotice({ comments, titleOf, onJump }: { comments: FieldComment[]; titleOf: (p: string) => string; onJump: (p: string) => void }) {
  if (comments.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={GAP}
      title={`Cấp trên có ${comments.length} ý kiến về các trường`}
      description={
        <ul className="bdg-error-list">
          {comments.map((c, i) => (
            <li key={i}>
              <Button type="link" size="small" className="bdg-error-link" style={{ color: '#874d00' }} onClick={() => onJump(c.path)}>
                {titleOf(c.path)}: {c.text}
              </Button>
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** Text kept as typed in fields it does not fit: named, each a link to its field, to be fixed before sending. */
export function RawInputsNotice({ rawInputs, titleOf, onJump }: { rawInputs: Record<string, string>; titleOf: (p: string) => string; onJump: (p: string) => void }) {
  const paths = Object.keys(rawInputs);
  if (paths.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={GAP}
      data-testid="raw-inputs-notice"
      title={`Đã lưu nguyên văn ${paths.length} ô nhập chưa đúng kiểu; hãy sửa trước khi gửi`}
      description={
        <ul className="bdg-error-list">
          {paths.map((p) => (
            <li key={p}>
              <Button type="link" size="small" className="bdg-error-link bdg-jump-link" onClick={() => onJump(p)}>
                {titleOf(p)}: “{rawInputs[p]}”
              </Button>
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** While editing: restored local copy, offline, locked meanwhile. */
export function EditingNotices({ restored, offline, lockedMessage }: { restored: boolean; offline: boolean; lockedMessage: string | null }) {
  return (
    <>
      {restored && (
        <Alert type="info" showIcon style={GAP} title="Đã khôi phục dữ liệu bạn nhập nhưng chưa kịp lưu (phiên trước bị gián đoạn). Hệ thống đang lưu lại." />
      )}
      {offline && <Alert type="warning" showIcon style={GAP} data-testid="offline-banner" title={OFFLINE_TEXT} />}
      {lockedMessage !== null && <Alert type="warning" showIcon style={GAP} data-testid="locked-while-editing" title={lockedMessage} />}
    </>
  );
}
