import { Card } from 'antd';
import type { Submission } from '../api/types';
import { ExportButtons } from './ExportButtons';
import { isCompiled } from './hooks';
import { PdfSignaturesPanel } from './PdfSignaturesPanel';
import { SignaturePanel } from './SignaturePanel';

/** Văn bản chính thức: the document downloads and, once signed, the signature with its integrity check. */
export function OfficialDocuments({ submission, pollMs }: { submission: Submission; pollMs?: number }) {
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="official-documents">
      <section aria-label="Văn bản chính thức">
        <ExportButtons submissionId={submission.id} compiled={isCompiled(submission)} pollMs={pollMs} />
      </section>
      {submission.signature && (
        <div style={{ marginTop: 16, borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
          <SignaturePanel submissionId={submission.id} signature={submission.signature} />
          <PdfSignaturesPanel submissionId={submission.id} />
        </div>
      )}
    </Card>
  );
}
