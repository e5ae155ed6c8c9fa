/**
 * The export renderers run in a pool of worker threads (piscina), each job with a time limit and a
 * heap limit: a huge or hostile document costs a worker, never the API's event loop.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import { ApiException } from '../common/errors.js';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import type { RenderResult, RenderTask } from './worker/render.task.js';

/**
 * The task module: beside the bundle in backend/dist (export-render.js), or the TypeScript source
 * under the test runner, loaded through tsx with the workspaces' `source` condition.
 */
function workerFile(): { filename: string; execArgv: string[] } {
  const built = new URL('./export-render.js', import.meta.url);
  if (import.meta.url.endsWith('.js') && existsSync(fileURLToPath(built))) return { filename: fileURLToPath(built), execArgv: [] };
  const source = fileURLToPath(new URL('./worker/render.task.ts', import.meta.url));
  return { filename: source, execArgv: ['--conditions=source', '--import', 'tsx'] };
}

const mb = (n: number) => `${n.toLocaleString('vi-VN')} MB`;

@Injectable()
export class ExportPool implements OnModuleDestroy {
  private readonly log = new Logger('Xuất văn bản');
  private pool?: Piscina<RenderTask, RenderResult>;

  constructor(@Inject(CONFIG) private readonly config: AppConfig) {}

  private get piscina(): Piscina<RenderTask, RenderResult> {
    if (!this.pool) {
      const { filename, execArgv } = workerFile();
      const { exportWorkers, exportMemoryMb } = this.config;
      this.pool = new Piscina<RenderTask, RenderResult>({
        filename,
        execArgv,
        minThreads: 0,
        maxThreads: exportWorkers,
        // a few waiting exports per thread; beyond that the caller hears "busy" at once
        maxQueue: exportWorkers * 4,
        // a warm worker for 10 minutes: starting one costs seconds (fonts, renderers)
        idleTimeout: 600_000,
        resourceLimits: { maxOldGenerationSizeMb: exportMemoryMb, maxYoungGenerationSizeMb: 64 },
      });
    }
    return this.pool;
  }

  /** Renders in a worker; a limit hit becomes a Vietnamese 422/503 and the worker is replaced. */
  async render(task: RenderTask): Promise<{ content: Buffer; warnings: string[]; field: RenderResult['field'] }> {
    const { exportTimeoutSeconds, exportMemoryMb } = this.config;
    try {
      const r = await this.piscina.run(task, { signal: AbortSignal.timeout(exportTimeoutSeconds * 1000) });
      return { content: Buffer.from(r.content.buffer, r.content.byteOffset, r.content.byteLength), warnings: r.warnings, field: r.field ?? null };
    } catch (e) {
      const err = e as { name?: string; code?: string; message?: string };
      this.log.warn(`Dựng văn bản ${task.format} thất bại: ${err.code ?? err.name}: ${err.message}`);
      if (err.name === 'AbortError' || err.name === 'TimeoutError' || err.code === 'ABORT_ERR')
        throw new ApiException(422, `Văn bản quá lớn: dựng quá ${exportTimeoutSeconds.toLocaleString('vi-VN')} giây nên đã dừng. Hãy xuất định dạng khác (Excel) hoặc chia nhỏ báo cáo.`);
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY')
        throw new ApiException(422, `Văn bản quá lớn: dựng vượt giới hạn bộ nhớ ${mb(exportMemoryMb)} nên đã dừng. Hãy xuất định dạng khác (Excel) hoặc chia nhỏ báo cáo.`);
      if (/queue is at limit/i.test(err.message ?? ''))
        throw new ApiException(503, 'Máy chủ đang dựng nhiều văn bản khác. Vui lòng thử lại sau ít phút.');
      throw e;
    }
  }

  async onModuleDestroy() {
    await this.pool?.destroy();
  }
}
