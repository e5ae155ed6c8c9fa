/** The template as raw JSON ({schema, uiSchema, document}), in sync with the visual editor both ways. */
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { linter, lintGutter } from '@codemirror/lint';
import CodeMirror from '@uiw/react-codemirror';
import { Alert, Typography } from 'antd';
import { useMemo } from 'react';

export interface RawJsonEditorProps {
  text: string;
  error: string | null;
  readOnly: boolean;
  onChange: (text: string) => void;
}

export function RawJsonEditor({ text, error, readOnly, onChange }: RawJsonEditorProps) {
  const extensions = useMemo(() => [json(), linter(jsonParseLinter()), lintGutter()], []);
  return (
    <div data-testid="raw-json-editor">
      <Typography.Paragraph type="secondary">
        Sửa trực tiếp JSON Schema (2020-12) và uiSchema. Thay đổi hợp lệ được áp dụng ngay vào cây bên trái;
        khi JSON có lỗi, cây giữ nguyên và không gì được lưu cho tới khi sửa xong.
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          message="JSON chưa được áp dụng"
          description={error}
          style={{ marginBottom: 8 }}
          data-testid="raw-json-error"
        />
      )}
      <CodeMirror
        value={text}
        height="60vh"
        readOnly={readOnly}
        extensions={extensions}
        onChange={(v) => onChange(v)}
        aria-label="JSON của biểu mẫu"
      />
    </div>
  );
}
