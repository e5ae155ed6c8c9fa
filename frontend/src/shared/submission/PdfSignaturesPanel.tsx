import { useMutation } from '@tanstack/react-query';
import { Alert, Button, List, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { errorMessage } from '../api/client';
import { documentsApi, type PdfSignature } from '../api/documents';
import { formatSignedAt } from './SignaturePanel';
import { UsbTokenSigning } from './UsbTokenSigning';

const KIND_LABEL: Record<string, string> = { signer: 'Người có thẩm quyền ký', seal: 'Chữ ký số của cơ quan (đóng dấu)' };

/** "CN=Nguyễn Văn A, O=…" → "Nguyễn Văn A". */
export function commonName(dn: string | null): string {
  return /CN=([^,\n]+)/.exec(dn ?? '')?.[1]?.trim() ?? dn ?? '—';
}

/** The PAdES signatures of the official PDF, each verified by the server (CMS, byte range, chain, data). */
export function PdfSignaturesPanel({ submissionId }: { submissionId: string }) {
  const check = useMutation({ mutationFn: () => documentsApi.pdfSignatures(submissionId) });
  return (
    <section aria-labelledby={`pades-${submissionId}`} data-testid="pdf-signatures" style={{ marginTop: 16 }}>
      <Typography.Title level={3} id={`pades-${submissionId}`} style={{ fontSize: 16 }}>
        Chữ ký số trên văn bản PDF
      </Typography.Title>
      <Button icon={<SafetyCertificateOutlined aria-hidden />} loading={check.isPending} onClick={() => check.mutate()} data-testid="pdf-signatures-check">
        Kiểm tra chữ ký số
      </Button>
      <div aria-live="polite" style={{ marginTop: 8 }}>
        {check.error && <Alert type="error" showIcon role="alert" title={`Không kiểm tra được: ${errorMessage(check.error)}`} />}
        {check.data && check.data.signatures.length === 0 && (
          <>
            <Alert type="info" showIcon title="Văn bản PDF chưa có chữ ký số. Người ký dùng USB token ký số tại đây." data-testid="pdf-signatures-none" />
            <UsbTokenSigning submissionId={submissionId} onSigned={() => check.mutate()} />
          </>
        )}
        {check.data && check.data.signatures.length > 0 && (
          <List
            size="small"
            bordered
            dataSource={check.data.signatures}
            renderItem={(s) => <SignatureItem s={s} />}
          />
        )}
      </div>
    </section>
  );
}

function SignatureItem({ s }: { s: PdfSignature }) {
  return (
    <List.Item data-testid={`pdf-signature-${s.index}`}>
      <div style={{ width: '100%' }}>
        <div>
          <strong>{commonName(s.subject)}</strong> · {KIND_LABEL[s.kind ?? ''] ?? 'Chữ ký số'}{' '}
          {s.valid ? (
            <Tag color="green" data-testid="pdf-signature-valid">Hợp lệ</Tag>
          ) : (
            <Tag color="red" data-testid="pdf-signature-invalid">Không hợp lệ</Tag>
          )}
          {s.testOnly && <Tag color="orange">Chữ ký thử nghiệm, không có giá trị pháp lý</Tag>}
        </div>
        <div className="bdg-prev">
          Thời điểm ký: {formatSignedAt(s.signingTime)} · Cấp bởi: {commonName(s.issuer)} ·{' '}
          {s.covers.wholeDocument ? 'Phủ toàn bộ tệp' : `Phủ ${s.covers.bytes.toLocaleString('vi-VN')} / ${s.covers.ofBytes.toLocaleString('vi-VN')} byte (các phần thêm sau là chữ ký tiếp theo)`}
        </div>
        {s.problems.length > 0 && (
          <ul className="bdg-error-list" role="alert">
            {s.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
      </div>
    </List.Item>
  );
}
