import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { errorMessage } from '../api/client';
import { documentsApi, type VerifyResult } from '../api/documents';
import type { Signature } from '../api/types';
import { roleLabel } from '../format/format';

/** dd/mm/yyyy HH:mm, as on the official document. */
export function formatSignedAt(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm') : '—';
}

/** A SHA-256 shown short: its first 10 and last 6 hex digits. */
export function shortHash(hash: string): string {
  return hash.length > 20 ? `${hash.slice(0, 10)}…${hash.slice(-6)}` : hash;
}

/** Who signed and when, the content hash, and "Kiểm tra toàn vẹn" (GET /verify: signature and hash-chained log). */
export function SignaturePanel({ submissionId, signature }: { submissionId: string; signature: Signature }) {
  const verify = useMutation({ mutationFn: () => documentsApi.verify(submissionId) });
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  return (
    <section aria-labelledby={`sig-${submissionId}`} data-testid="signature-panel">
      <Typography.Title level={3} id={`sig-${submissionId}`} style={{ fontSize: 16, marginTop: 0 }}>
        Mã kiểm tra toàn vẹn
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 3 }}
        items={[
          {
            key: 'by',
            label: 'Người ký',
            children: (
              <span data-testid="signed-by">
                {signature.signedByName || signature.signedBy}
                {signature.role ? ` (${roleLabel(signature.role)})` : ''}
              </span>
            ),
          },
          {
            key: 'at',
            label: 'Thời điểm ký',
            children: (
              <time dateTime={signature.signedAt} data-testid="signed-at">
                {formatSignedAt(signature.signedAt)}
              </time>
            ),
          },
          {
            key: 'hash',
            label: 'Mã kiểm tra toàn vẹn (SHA-256)',
            children: (
              <Typography.Text
                code
                data-testid="signature-hash"
                title={signature.hash}
                copyable={{ text: signature.hash, tooltips: ['Sao chép mã băm', 'Đã sao chép'] }}
              >
                {shortHash(signature.hash)}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Button
        icon={<SafetyCertificateOutlined aria-hidden />}
        loading={verify.isPending}
        onClick={() =>
          verify.mutate(undefined, {
            onSettled: () => setCheckedAt(new Date()),
          })
        }
      >
        Kiểm tra toàn vẹn
      </Button>
      <div aria-live="polite" style={{ marginTop: 8 }}>
        {verify.error && !verify.isPending && (
          <Alert type="error" showIcon role="alert" title={`Không kiểm tra được: ${errorMessage(verify.error)}`} />
        )}
        {verify.data && !verify.isPending && <VerifyOutcome result={verify.data} checkedAt={checkedAt} />}
      </div>
    </section>
  );
}

function VerifyOutcome({ result, checkedAt }: { result: VerifyResult; checkedAt: Date | null }) {
  const problems = Array.isArray(result.problems) ? result.problems : [];
  const when = checkedAt ? ` (kiểm tra lúc ${formatSignedAt(checkedAt.toISOString())})` : '';
  const entries = typeof result.log?.entries === 'number' ? result.log.entries : null;
  if (result.ok && problems.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="verify-ok"
        title="Nội dung và nhật ký còn nguyên vẹn"
        description={`Mã băm nội dung khớp với chữ ký${entries !== null ? `; nhật ký xử lý gồm ${entries} mục, chuỗi băm liền mạch` : ''}${when}.`}
      />
    );
  }
  const sig = result.signature;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="verify-problems"
      title="Phát hiện dữ liệu không toàn vẹn"
      description={
        <div>
          <ul className="bdg-error-list">
            {(problems.length ? problems : ['Kết quả kiểm tra không đạt.']).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          {sig && !sig.ok && (
            <div className="bdg-prev" style={{ marginTop: 4 }}>
              Mã băm lúc ký: <code title={sig.expected}>{shortHash(sig.expected)}</code> · Mã băm hiện tại:{' '}
              <code title={sig.actual}>{shortHash(sig.actual)}</code>
            </div>
          )}
          {when && <div className="bdg-prev">Kiểm tra lúc {formatSignedAt(checkedAt!.toISOString())}.</div>}
        </div>
      }
    />
  );
}
