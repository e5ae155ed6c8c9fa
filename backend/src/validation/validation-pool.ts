/**
 * Large request bodies (a draft at a table's maximum, a template with thousands of enum values) are
 * validated in worker threads with a time and a heap limit, so that no body — however hostile — holds
 * the API's event loop; small ones (the everyday autosave) stay in the request, where a thread hop
 * would cost more than the check.
 */
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { JsonSchema } from '@bdg/schemas';
import { requestContext } from '../common/request-context.js';
import { WorkerPool, workerModule } from '../common/worker-pool.js';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { type DraftChecked, type LintChecked, validateBody, type ValidateTask } from './worker/validate.task.js';

@Injectable()
export class ValidationPool implements OnModuleDestroy {
  private readonly pool: WorkerPool<ValidateTask, DraftChecked | LintChecked>;
  /** Validations sent to a worker since start (tests check that large bodies went there). */
  offloaded = 0;

  constructor(@Inject(CONFIG) private readonly config: AppConfig) {
    const { validationWorkers, validationTimeoutSeconds, validationMemoryMb } = config;
    const seconds = validationTimeoutSeconds.toLocaleString('vi-VN');
    this.pool = new WorkerPool({
      label: 'Kiểm tra dữ liệu',
      module: workerModule(new URL('./validate-worker.js', import.meta.url), new URL('./worker/validate.task.ts', import.meta.url)),
      threads: validationWorkers,
      maxQueue: validationWorkers * 8,
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

  /** A draft's data, checked where its size says (the body's bytes, read by the JSON parser). */
  async draft(key: string, schema: JsonSchema, data: Record<string, unknown>): Promise<DraftChecked> {
    return (await this.check({ kind: 'draft', key, schema, data })) as DraftChecked;
  }

  /** A template document's lint findings; `bytes` when the document did not come in this request's body. */
  async lint(doc: object, bytes?: number): Promise<LintChecked['findings']> {
    return ((await this.check({ kind: 'lint', doc }, bytes)) as LintChecked).findings;
  }

  private async check(task: ValidateTask, size?: number) {
    const bytes = size ?? requestContext.getStore()?.bodyBytes() ?? 0;
    if (bytes < this.config.validationWorkerBytes) return validateBody(task);
    this.offloaded++;
    return this.pool.run(task);
  }

  async onModuleDestroy() {
    await this.pool.destroy();
  }
}
