/**
 * The export renderers run in the shared worker pool (common/worker-pool.ts), each job with a time
 * limit and a heap limit: a huge or hostile document costs a worker, never the API's event loop.
 */
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { WorkerPool, workerModule } from '../common/worker-pool.js';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import type { RenderResult, RenderTask } from './worker/render.task.js';

const mb = (n: number) => `${n.toLocaleString('vi-VN')} MB`;

@Injectable()
export class ExportPool implements OnModuleDestroy {
  private readonly pool: WorkerPool<RenderTask, RenderResult>;

  constructor(@Inject(CONFIG) config: AppConfig) {
    const { exportWorkers, exportMemoryMb, exportTimeoutSeconds } = config;
    const tooBig = 'Hãy xuất định dạng khác (Excel) hoặc chia nhỏ báo cáo.';
    this.pool = new WorkerPool({
      label: 'Xuất văn bản',
      module: workerModule(new URL('./export-render.js', import.meta.url), new URL('./worker/render.task.ts', import.meta.url)),
      threads: exportWorkers,
      // a few waiting exports per thread; beyond that the caller hears "busy" at once
      maxQueue: exportWorkers * 4,
      timeoutMs: exportTimeoutSeconds * 1000,
      memoryMb: exportMemoryMb,
      messages: {
        timeout: `Văn bản quá lớn: dựng quá ${exportTimeoutSeconds.toLocaleString('vi-VN')} giây nên đã dừng. ${tooBig}`,
        memory: `Văn bản quá lớn: dựng vượt giới hạn bộ nhớ ${mb(exportMemoryMb)} nên đã dừng. ${tooBig}`,
        busy: 'Máy chủ đang dựng nhiều văn bản khác. Vui lòng thử lại sau ít phút.',
      },
    });
  }

  /** Renders in a worker; the time limit counts the render itself, not the wait in the queue. */
  async render(task: RenderTask): Promise<{ content: Buffer; warnings: string[]; field: RenderResult['field'] }> {
    const r = await this.pool.run(task);
    return { content: Buffer.from(r.content.buffer, r.content.byteOffset, r.content.byteLength), warnings: r.warnings, field: r.field ?? null };
  }

  async onModuleDestroy() {
    await this.pool.destroy();
  }
}
