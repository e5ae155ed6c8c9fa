/**
 * Runs in a worker thread of the export pool (export-pool.ts): builds the document model and renders
 * DOCX, PDF or XLSX, so that the API's event loop never waits on a renderer.
 */
import { compileLinearPattern, usePatternEngine } from '@bdg/schemas';
import { workerTask } from '../../common/worker-task.js';
import type { ExportFormat } from '../../jobs/job-names.js';
import { renderPdfFor } from '../pdf-large.js';
import { buildDocumentModel, type DocumentInput, renderDocxModel, renderXlsx, type XlsxInput } from '../render/index.js';
import type { FieldPlace, PdfExtras } from '../render/pdf-signature-field.js';
import { type LaterSeal, laterSealPlaceholder } from '../render/seal-appearance.js';
import type { VisiblePlaceholderOptions } from '../../signing/pades/visible-placeholder.js';

// The schema walker matches patternProperties keys with the linear (RE2) engine that @bdg/schemas' linear-keywords
// hands over when it loads; this thread validates nothing, so the bundle would leave that module out: named here.
usePatternEngine(compileLinearPattern);

export type RenderTask =
  | { format: Extract<ExportFormat, 'xlsx'>; input: XlsxInput }
  | { format: Exclude<ExportFormat, 'xlsx'>; input: DocumentInput; pdf?: PdfExtras }
  /** A later seal over a signed PDF: its placeholder, with the seal drawn over the signer's widget (an incremental update). */
  | { format: 'seal'; pdf: Uint8Array; seal: LaterSeal; placeholder: VisiblePlaceholderOptions };

export interface RenderResult {
  content: Uint8Array;
  warnings: string[];
  /** A PDF's signature field: where its widget sits (null when it could not be placed). */
  field?: FieldPlace | null;
}

async function render(task: RenderTask): Promise<RenderResult> {
  switch (task.format) {
    case 'seal':
      return { content: await laterSealPlaceholder(task.pdf, task.seal, task.placeholder), warnings: [] };
    case 'xlsx':
      return { content: await renderXlsx(task.input), warnings: [] };
    case 'docx':
    case 'pdf': {
      const model = buildDocumentModel(task.input);
      if (task.format === 'docx') return { content: await renderDocxModel(model), warnings: model.warnings };
      const { pdf, field } = await renderPdfFor(model, task.pdf);
      return { content: pdf, warnings: model.warnings, field };
    }
  }
}

// the bytes are copied once to the API thread (structured clone): linear, and no Buffer pool is shared
export default workerTask(render);
