/**
 * Large request bodies (a draft at a table's maximum, a template with thousands of enum values) are
 * validated in worker threads with a time and a heap limit, so that no body — however hostile — holds
 * the API's event loop; small ones (the everyday autosave) stay in the request, where a thread hop
 * would cost more than the check.
 */
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { hasValidator, type JsonSchema } from '@bdg/schemas';
import { requestContext } from '../common/request-context.js';
import { WorkerPool, workerModule } from '../common/worker-pool.js';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { BodyText } from './body-text.js';
import { type BodySplit, type CsvParsed, type DraftChecked, type LintChecked, validateBody, type ValidateTask } from './worker/validate.task.js';

@Injectable()
export class ValidationPool implements OnModuleDestroy {
  private readonly pool: WorkerPool<ValidateTask, DraftChecked | LintChecked | BodySplit | CsvParsed>;
  /** Validations sent to a worker since start (tests check that large bodies went there). */
  offloaded = 0;

  constructor(@Inject(CONFIG) private readonly config: AppConfig) {
    const { validationWorkers, validationQueue, validationTimeoutSeconds, validationMemoryMb } = config;
    const seconds = validationTimeoutSeconds.toLocaleString('vi-VN');
    this.pool = new WorkerPool({
      label: 'Kiểm tra dữ liệu',
      module: workerModule(new URL('./validate-worker.js', import.meta.url), new URL('./worker/validate.task.ts', import.meta.url)),
      threads: validationWorkers,
      // A burst of clerks saving large forms at once waits its turn (each check takes milliseconds); only a
      // flood beyond this many waiting checks is refused, so queued bodies stay bounded in memory.
      maxQueue: validationQueue,
      timeoutMs: validationTimeoutSeconds * 1000,
      memoryMb: validationMemoryMb,
      messages: {
        status: 413,
        timeout: `Dữ liệu gửi lên quá lớn để kiểm tra trong ${seconds} giây. Hãy chia nhỏ dữ liệu (ít dòng hơn trong mỗi bảng) rồi gửi lại.`,
        memory: `Dữ liệu gửi lên quá lớn để kiểm tra (vượt ${validationMemoryMb.toLocaleString('vi-VN')} MB bộ nhớ). Hãy chia nhỏ dữ liệu rồi gửi lại.`,
        busy: 'Máy chủ đang kiểm tra nhiều dữ liệu lớn khác. Vui lòng thử lại sau ít giây.',
      },
    });
  }

  /**
   * A draft's data, checked where its size says: in the request, or in a thread; a BodyText (a large body
   * kept as bytes) always in a thread, its schema sent as text (parsed once per thread and key).
   * `pointers`: the answer says which of them have a value.
   */
  async draft(key: string, schema: JsonSchema, data: Record<string, unknown> | BodyText, pointers: string[] = []): Promise<DraftChecked> {
    if (data instanceof BodyText) {
      this.offloaded++;
      return (await this.pool.run({ kind: 'draft', key, schema: this.schemaText(schema), pointers, body: data.bytes, field: data.field })) as DraftChecked;
    }
    // A pattern costs text × pattern length even in a linear engine (50 kB against a 1,000-character pattern:
    // ~200 ms): a template with patterns sends drafts to a thread from an eighth of the threshold.
    // Nor is a template's first check compiled here: a large template's validators take hundreds of ms to
    // build; a thread builds them (a page that opens the report still compiles them here, once per version).
    const threshold = !hasValidator(key) ? 0 : this.schemaText(schema).includes('"pattern') ? this.config.validationWorkerBytes / 8 : this.config.validationWorkerBytes;
    return (await this.check({ kind: 'draft', key, schema, data, pointers }, undefined, threshold)) as DraftChecked;
  }

  /**
   * A CSV import's rows: decoded and parsed within the import limits (common/csv.ts), in a thread from a
   * quarter of the threshold (a 2 MB file is tens of thousands of cells).
   */
  async csv(file: Buffer, required: string[], columns: Record<string, string | string[]>): Promise<Omit<CsvParsed, 'kind'>> {
    const { rows, errors } = (await this.check({ kind: 'csv', body: file, required, columns }, file.length, this.config.validationWorkerBytes / 4)) as CsvParsed;
    return { rows, errors };
  }

  /** A large body's small fields, read in a thread (large-body.ts); its `field` stays there. */
  async split(body: Uint8Array, field: string): Promise<BodySplit> {
    return (await this.pool.run({ kind: 'split', body, field })) as BodySplit;
  }

  /** Schemas as JSON text, made once per schema object (a template's is loaded once and kept). */
  private readonly texts = new WeakMap<object, string>();
  private schemaText(schema: JsonSchema): string {
    let t = this.texts.get(schema);
    if (t === undefined) this.texts.set(schema, (t = JSON.stringify(schema)));
    return t;
  }

  /** A template document's lint findings; `bytes` when the document did not come in this request's body. */
  async lint(doc: object, bytes?: number): Promise<LintChecked['findings']> {
    // Lint compiles the schema (AJV, every pattern): a 25 kB template with a 2,000-value enum and the longest
    // pattern costs ~100 ms, so templates go to a thread from a quarter of the draft threshold.
    return ((await this.check({ kind: 'lint', doc }, bytes, this.config.validationWorkerBytes / 4)) as LintChecked).findings;
  }

  private async check(task: ValidateTask, size?: number, threshold = this.config.validationWorkerBytes) {
    const bytes = size ?? requestContext.getStore()?.bodyBytes() ?? 0;
    if (bytes < threshold) return validateBody(task);
    this.offloaded++;
    return this.pool.run(task);
  }

  async onModuleDestroy() {
    await this.pool.destroy();
  }
}
