import { lazy, Suspense } from 'react';
import { Card } from 'antd';
import type { Submission } from '../api/types';
import { ExportButtons } from './ExportButtons';
import { isCompiled } from './hooks';

// A signed report's panels (signature details, PDF signatures, USB-token signing): their own chunk, which a
// school filling a draft never downloads.
const SignaturePanel = lazy(() => import('./SignaturePanel').then((m) => ({ default: m.SignaturePanel })));
const PdfSignaturesPanel = lazy(() => import('./PdfSignaturesPanel').then((m) => ({ default: m.PdfSignaturesPanel })));

/** Văn bản chính thức: the document downloads and, once signed, the signature with its integrity check. */
export function OfficialDocuments({ submission, pollMs }: { submission: Submission; pollMs?: number }) {
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="official-documents">
      <section aria-label="Văn bản chính thức">
        <ExportButtons submissionId={submission.id} compiled={isCompiled(submission)} pollMs={pollMs} />
      </section>
      {submission.signature && (
        <div style={{ marginTop: 16, borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
          <Suspense fallback={null}>
            <SignaturePanel submissionId={submission.id} signature={submission.signature} />
            <PdfSignaturesPanel submissionId={submission.id} />
          </Suspense>
        </div>
      )}
    </Card>
  );
}
