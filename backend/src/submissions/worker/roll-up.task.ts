/**
 * The heavy part of a large COMPILE in a worker thread (submissions/roll-up-pool.ts): the pure roll-up
 * over the children, fed batch by batch through a port while the job reads them from PostgreSQL, under
 * the pool's heap and time limits. Only @bdg/schemas is loaded here.
 */
import type { MessagePort } from 'node:worker_threads';
import { compileLinearPattern, createRollUp, usePatternEngine, type JsonSchema } from '@bdg/schemas';
import { workerTask } from '../../common/worker-task.js';

// The schema walker matches patternProperties keys with the linear (RE2) engine that @bdg/schemas' linear-keywords
// hands over when it loads; this thread validates nothing, so the bundle would leave that module out: named here.
usePatternEngine(compileLinearPattern);

export interface RollUpChild {
  unitId: string;
  unitCode: string;
  unitName: string;
  data: unknown;
  compiled: boolean;
}
/** On the port: `{batch}` messages, then `{end: true}`; each batch is acknowledged with `'next'` (back-pressure). */
export type RollUpMessage = { batch: RollUpChild[] } | { end: true };
export interface RollUpTask {
  schema: JsonSchema;
  /** with provenance (small compiles keep it with the data), or the data alone */
  provenance: boolean;
  port: MessagePort;
}
export interface RollUpResult {
  data: Record<string, unknown>;
  provenance: Record<string, unknown> | null;
  count: number;
}

export function rollUpFromPort(task: RollUpTask): Promise<RollUpResult> {
  const rollUp = createRollUp(task.schema);
  return new Promise((resolve, reject) => {
    task.port.on('message', (m: RollUpMessage) => {
      try {
        if ('batch' in m) {
          for (const child of m.batch) rollUp.add(child);
          task.port.postMessage('next');
          return;
        }
        const r = rollUp.finish();
        task.port.close();
        resolve({ data: r.data as Record<string, unknown>, provenance: task.provenance ? r.provenance : null, count: r.count });
      } catch (e) {
        task.port.close();
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

export default workerTask(rollUpFromPort);
