import { Alert, Button } from 'antd';

/** The field comments written so far, each a link to its field: they go with "Trả lại". */
export function DraftCommentsNotice({ drafts, titleOf, onJump }: { drafts: [string, string][]; titleOf: (p: string) => string; onJump: (p: string) => void }) {
  if (drafts.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      title={`${drafts.length} ý kiến theo trường sẽ được gửi kèm khi trả lại`}
      description={
        <ul className="bdg-error-list">
          {drafts.map(([path, text]) => (
            <li key={path}>
              <Button type="link" size="small" className="bdg-error-link" style={{ color: '#0958d9' }} onClick={() => onJump(path)}>
                {titleOf(path)}: {text}
              </Button>
            </li>
          ))}
        </ul>
      }
    />
  );
}
