/** The bench row of issue 13: the worst /healthz answer time while the hostile load runs (test/support/hostile.ts). */
import type { AppProcess, Sql } from '../support/app.js';
import { runHostileLoad } from '../support/hostile.js';

export async function hostileRow(app: AppProcess, sql: Sql) {
  const r = await runHostileLoad(app.url, sql);
  const sorted = [...r.healthz].sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const steps = r.outcomes.map((o) => o.status).join('/');
  return {
    what: `worst /healthz answer under the hostile suite (max-size template, worst bodies, largest exports; statuses ${steps})`,
    measured: `${r.worstHealthzMs} ms`,
    ceiling: `p50 ${p50.toFixed(0)} ms over ${r.healthz.length} polls`,
    target: '< 100 ms',
    pass: r.worstHealthzMs < 100,
  };
}
