/**
 * The roll-up of a large COMPILE (CompileService.inSql) in a worker thread with a heap and a time limit
 * (common/worker-pool.ts): the job's event loop only reads the children from PostgreSQL and passes them
 * on, batch by batch; a limit hit fails the job with a Vietnamese reason, and its transaction — hence
 * the stored data — is left as it was.
 */
import { MessageChannel } from 'node:worker_threads';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { JsonSchema } from '@bdg/schemas';
import { WorkerPool, workerModule } from '../common/worker-pool.js';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import type { RollUpChild, RollUpResult, RollUpTask } from './worker/roll-up.task.js';

@Injectable()
export class RollUpPool implements OnModuleDestroy {
  private readonly pool: WorkerPool<RollUpTask, RollUpResult>;

  constructor(@Inject(CONFIG) config: AppConfig) {
    const { compileTimeoutSeconds, compileMemoryMb } = config;
    const smaller = 'Hãy tổng hợp theo từng cấp nhỏ hơn (ví dụ từng cụm trường) hoặc giảm bớt các bảng nối dòng của mẫu.';
    this.pool = new WorkerPool({
      label: 'Tổng hợp lớn',
      module: workerModule(new URL('./roll-up-worker.js', import.meta.url), new URL('./worker/roll-up.task.ts', import.meta.url)),
      threads: 1,
      maxQueue: 4,
      timeoutMs: compileTimeoutSeconds * 1000,
      memoryMb: compileMemoryMb,
      idleTimeoutMs: 60_000,
      messages: {
        timeout: `Tổng hợp quá lớn: chạy quá ${compileTimeoutSeconds.toLocaleString('vi-VN')} giây nên đã dừng, dữ liệu chưa thay đổi. ${smaller}`,
        memory: `Tổng hợp quá lớn: vượt giới hạn bộ nhớ ${compileMemoryMb.toLocaleString('vi-VN')} MB nên đã dừng, dữ liệu chưa thay đổi. ${smaller}`,
        busy: 'Máy chủ đang tổng hợp nhiều báo cáo lớn khác. Việc sẽ được thử lại sau ít phút.',
      },
    });
  }

  /** Feeds `batches` to a thread one at a time (each acknowledged before the next) and returns its roll-up. */
  async rollUp(schema: JsonSchema, batches: AsyncIterable<RollUpChild[]>, provenance = false): Promise<RollUpResult> {
    const { port1, port2 } = new MessageChannel();
    const result = this.pool.run({ schema, provenance, port: port2 }, [port2]);
    let ended = false;
    const settled = result.then(
      () => (ended = true),
      () => (ended = true),
    );
    let ack: (() => void) | undefined;
    port1.on('message', () => ack?.());
    try {
      for await (const batch of batches) {
        const acked = new Promise<void>((r) => (ack = r));
        port1.postMessage({ batch });
        await Promise.race([acked, settled]);
        if (ended) break;
      }
      if (!ended) port1.postMessage({ end: true });
      return await result;
    } finally {
      port1.close();
    }
  }

  async onModuleDestroy() {
    await this.pool.destroy();
  }
}
