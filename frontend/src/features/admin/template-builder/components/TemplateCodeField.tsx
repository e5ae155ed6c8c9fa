import { Form, Input } from 'antd';

/** A template's code: lower-case ASCII words joined by "-" (its URL and its owner's key). */
export const TEMPLATE_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The code and title fields of a new or cloned template, with the same rules and Vietnamese messages. */
export function TemplateCodeAndTitle(props: { codeName: string; codeLabel: string; example: string; titleLabel: string; testIdPrefix?: string }) {
  const { codeName, codeLabel, example, titleLabel, testIdPrefix } = props;
  return (
    <>
      <Form.Item
        name={codeName}
        label={codeLabel}
        rules={[
          { required: true, message: 'Nhập mã' },
          { pattern: TEMPLATE_CODE, message: `Chữ thường không dấu, số và dấu -, ví dụ ${example}` },
        ]}
      >
        <Input aria-label={codeLabel} data-testid={testIdPrefix && `${testIdPrefix}-code`} placeholder={example} />
      </Form.Item>
      <Form.Item name="title" label="Tên biểu mẫu" rules={[{ required: true, message: 'Nhập tên biểu mẫu' }]}>
        <Input aria-label={titleLabel} data-testid={testIdPrefix && `${testIdPrefix}-title`} />
      </Form.Item>
    </>
  );
}
