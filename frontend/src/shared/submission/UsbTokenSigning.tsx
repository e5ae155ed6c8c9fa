import { UsbOutlined } from '@ant-design/icons';
import { Alert, Button, Steps } from 'antd';
import { useState } from 'react';
import { browserTokenPlugin, signWithToken, TOKEN_STEPS, tokenApi, type TokenApi, type TokenPlugin, TokenSigningError, type TokenStep } from './token-signing';

/**
 * The signer's page for a USB token: the steps as they happen (chuẩn bị tài liệu → chờ thiết bị ký →
 * gắn chữ ký → hoàn tất), a Vietnamese error at the step that failed, and a retry from the start
 * (each prepared signature is used once).
 */
export function UsbTokenSigning({
  submissionId,
  onSigned,
  plugin = browserTokenPlugin(),
  api = tokenApi,
}: {
  submissionId: string;
  onSigned: () => void;
  plugin?: TokenPlugin | null;
  api?: TokenApi;
}) {
  const [step, setStep] = useState<TokenStep | null>(null);
  const [error, setError] = useState<TokenSigningError | null>(null);
  const running = step !== null && step < 3 && !error;
  const start = async () => {
    setError(null);
    try {
      await signWithToken(submissionId, plugin, api, setStep);
      onSigned();
    } catch (e) {
      setError(e instanceof TokenSigningError ? e : new TokenSigningError(step ?? 0, 'Ký số không thành công. Hãy thử lại.'));
    }
  };
  return (
    <div data-testid="usb-token-signing" style={{ marginTop: 12 }}>
      {step !== null && (
        <Steps
          size="small"
          current={error ? error.step : step}
          status={error ? 'error' : step === 3 ? 'finish' : 'process'}
          items={TOKEN_STEPS.map((title) => ({ title }))}
          style={{ marginBottom: 8 }}
        />
      )}
      <div aria-live="polite">
        {error && <Alert type="error" showIcon role="alert" title={error.message} data-testid="usb-token-error" />}
        {step === 3 && !error && <Alert type="success" showIcon title="Đã ký số văn bản bằng USB token." data-testid="usb-token-done" />}
      </div>
      {step !== 3 && (
        <Button icon={<UsbOutlined aria-hidden />} loading={running} onClick={() => void start()} data-testid="usb-token-sign" style={{ marginTop: 8 }}>
          {error ? 'Thử lại' : 'Ký số bằng USB token'}
        </Button>
      )}
    </div>
  );
}
