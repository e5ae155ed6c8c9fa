import PgBoss from 'pg-boss';
import pg from 'pg';
import { withTimeLimit } from '../common/time-limit.js';

/**
 * The channel on which a sender wakes the workers of a queue (payload: the queue's name). pg-boss alone
 * only polls: a job would wait up to a polling interval before any worker looks; with the wake-up it
 * starts at once on whichever process works that queue. Polling stays, for a missed notification.
 */
export const JOB_SENT_CHANNEL = 'bdg_job_sent';

/** What one queue needs: pg-boss settings (retries with backoff, time limit) and its handler. */
export interface QueueDefinition {
  name: string;
  options: { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number; policy?: 'standard' | 'short' };
  /** Jobs fetched at once by one worker of this process. */
  batchSize?: number;
  handler: (job: PgBoss.JobWithMetadata<Record<string, unknown>>) => Promise<unknown>;
}

export interface ScheduleDefinition {
  name: string;
  cron: string;
  data?: Record<string, unknown>;
}

export interface SupervisorOptions {
  connectionString: string;
  /** pg-boss keeps its tables in this schema of the same database. */
  schema?: string;
  /** Fetch and run jobs (and keep the schedules), or only send them. */
  work: boolean;
  queues: QueueDefinition[];
  schedules?: ScheduleDefinition[];
  pollingIntervalSeconds?: number;
  /** How often the supervisor checks that pg-boss still reaches the database. */
  checkIntervalMs?: number;
  poolSize?: number;
  applicationName?: string;
  log?: (level: 'warn' | 'error' | 'log', message: string) => void;
}

/**
 * Keeps one pg-boss instance alive. pg-boss emits `error` for a lost connection (unheard, that
 * event would crash the process) and may stop; the supervisor listens, checks the connection
 * periodically with a query through pg-boss's own pool, and when pg-boss no longer answers or has
 * stopped, it stops it and starts a fresh instance as soon as PostgreSQL answers again.
 */
export class BossSupervisor {
  private boss: PgBoss | null = null;
  private timer: NodeJS.Timeout | null = null;
  private starting: Promise<PgBoss | null> | null = null;
  private stopped = true;
  private checking = false;
  private failures = 0;
  private pendingRestart = false;
  /** queue name → this process's pg-boss worker of it (for the wake-up). */
  private readonly workerIds = new Map<string, string>();
  /** The connection that LISTENs on JOB_SENT_CHANNEL (a worker process only); null while it is down. */
  private listener: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  /** Times a fresh pg-boss was started after the first (for tests and /metrics). */
  restarts = 0;
  errors = 0;
  lastError: string | null = null;

  constructor(private readonly o: SupervisorOptions) {}

  get running(): boolean {
    return this.boss !== null;
  }

  /** The live instance, starting it when needed; null while PostgreSQL does not answer. */
  async instance(): Promise<PgBoss | null> {
    if (this.boss) return this.boss;
    if (this.stopped) this.stopped = false;
    this.ensureTimer();
    return this.startOnce();
  }

  async start(): Promise<PgBoss | null> {
    this.stopped = false;
    this.ensureTimer();
    return this.startOnce();
  }

  /** A queue added after start: created and worked on the live instance, and on every restart. */
  async addQueue(q: QueueDefinition): Promise<void> {
    if (!this.o.queues.some((x) => x.name === q.name)) this.o.queues.push(q);
    const boss = this.boss;
    if (!boss) return;
    await boss.createQueue(q.name, { name: q.name, ...q.options });
    if (this.o.work) await this.workOn(boss, q);
  }

  /** Wakes the workers of `queue` on every process (after a send): one NOTIFY; a failure only means the next poll. */
  async wake(queue: string): Promise<void> {
    await this.boss
      ?.getDb()
      .executeSql('SELECT pg_notify($1, $2)', [JOB_SENT_CHANNEL, queue])
      .catch(() => {});
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.starting?.catch(() => null);
    await this.listening;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
    const boss = this.boss;
    this.boss = null;
    if (boss) await withTimeLimit(boss.stop({ graceful: true, close: true, wait: true, timeout: 5000 }), 10_000).catch(() => {});
  }

  /** One health check now (the timer calls it; tests may too). */
  async check(): Promise<void> {
    if (this.checking || this.stopped) return;
    this.checking = true;
    try {
      if (!this.boss) {
        if ((await this.startOnce()) && this.pendingRestart) {
          this.pendingRestart = false;
          this.restarts += 1;
          this.log('warn', 'Bộ xử lý nền đã chạy lại.');
        }
        return;
      }
      const ok = await this.probe(this.boss);
      if (ok) {
        this.failures = 0;
        // The wake-up's connection lost (pg-boss answers, so PostgreSQL does): opened again.
        if (this.o.work && !this.listener) await this.listen();
        return;
      }
      this.failures += 1;
      // One failed probe may be the terminated connection itself; the pool replaces it. Two in a
      // row, or a pg-boss that has stopped, means a fresh instance.
      if (this.failures >= 2) await this.restart('pg-boss không còn truy cập được cơ sở dữ liệu');
    } finally {
      this.checking = false;
    }
  }

  async restart(reason: string): Promise<void> {
    this.log('warn', `Khởi động lại bộ xử lý nền: ${reason}`);
    const old = this.boss;
    this.boss = null;
    this.failures = 0;
    if (old) {
      old.removeAllListeners('stopped');
      // Closing the pool of a dead connection may never finish: do not wait for it.
      await withTimeLimit(old.stop({ graceful: false, close: true, wait: true, timeout: 1000 }), 5000).catch(() => {});
    }
    if (this.stopped) return;
    if (await this.startOnce()) {
      this.restarts += 1;
      this.log('warn', 'Bộ xử lý nền đã chạy lại.');
    } else this.pendingRestart = true;
  }

  private ensureTimer() {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check().catch(() => {}), this.o.checkIntervalMs ?? 10_000);
    // A worker process has nothing else to keep it alive while PostgreSQL is down; a sender does.
    if (!this.o.work) this.timer.unref();
  }

  private startOnce(): Promise<PgBoss | null> {
    if (this.boss) return Promise.resolve(this.boss);
    if (!this.starting) {
      this.starting = this.createAndStart().finally(() => {
        this.starting = null;
      });
    }
    return this.starting;
  }

  private async createAndStart(): Promise<PgBoss | null> {
    if (!(await databaseAnswers(this.o.connectionString))) return null;
    const work = this.o.work;
    this.workerIds.clear();
    const boss = new PgBoss({
      connectionString: this.o.connectionString,
      // Passed on to pg.Pool: a connection attempt to a server that does not answer gives up.
      ...({ connectionTimeoutMillis: 10_000 } as object),
      schema: this.o.schema ?? 'pgboss',
      application_name: this.o.applicationName ?? 'bdg-jobs',
      max: this.o.poolSize ?? 5,
      migrate: true,
      supervise: work,
      schedule: work,
      // The cron timekeeper needs archiving >= 60 s; completed jobs are kept a day for the API.
      archiveCompletedAfterSeconds: 24 * 3600,
      pollingIntervalSeconds: this.o.pollingIntervalSeconds ?? 2,
    });
    boss.on('error', (e: Error) => {
      this.errors += 1;
      this.lastError = e?.message ?? String(e);
      this.log('warn', `Bộ xử lý nền gặp lỗi: ${this.lastError}`);
      // A lost connection: check at once instead of waiting for the timer.
      setTimeout(() => void this.check().catch(() => {}), 50).unref();
    });
    try {
      await withTimeLimit(boss.start(), 60_000);
      for (const q of this.o.queues) await boss.createQueue(q.name, { name: q.name, ...q.options });
      if (work) {
        for (const q of this.o.queues) await this.workOn(boss, q);
        for (const s of this.o.schedules ?? []) await boss.schedule(s.name, s.cron, s.data ?? {}, { tz: 'Asia/Ho_Chi_Minh' });
      }
    } catch (e) {
      this.errors += 1;
      this.lastError = (e as Error).message;
      this.log('error', `Không khởi động được bộ xử lý nền (sẽ thử lại): ${this.lastError}`);
      await withTimeLimit(boss.stop({ graceful: false, close: true, wait: true, timeout: 1000 }), 5000).catch(() => {});
      return null;
    }
    if (this.stopped) {
      await withTimeLimit(boss.stop({ graceful: false, close: true, wait: true, timeout: 1000 }), 5000).catch(() => {});
      return null;
    }
    // Stopped by itself (not by us): start again.
    boss.once('stopped', () => {
      if (this.boss === boss && !this.stopped) void this.restart('pg-boss đã tự dừng');
    });
    this.boss = boss;
    if (work) await this.listen();
    return boss;
  }

  /** LISTENs for wake-ups (once at a time); a lost connection is opened again by the next check. */
  private listen(): Promise<void> {
    this.listening ??= this.openListener().finally(() => (this.listening = null));
    return this.listening;
  }

  private async openListener(): Promise<void> {
    if (this.listener || this.stopped) return;
    const client = new pg.Client({ connectionString: this.o.connectionString, connectionTimeoutMillis: 3000, application_name: this.o.applicationName ?? 'bdg-jobs' });
    const drop = () => {
      if (this.listener === client) this.listener = null;
      void client.end().catch(() => {});
    };
    client.on('error', drop);
    client.on('end', drop);
    client.on('notification', (n) => {
      const id = n.payload ? this.workerIds.get(n.payload) : undefined;
      if (id) this.boss?.notifyWorker(id);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${JOB_SENT_CHANNEL}`);
    } catch {
      drop();
      return;
    }
    if (this.stopped) return void client.end().catch(() => {});
    this.listener = client;
  }

  private async workOn(boss: PgBoss, q: QueueDefinition) {
    const id = await boss.work(
      q.name,
      { includeMetadata: true, batchSize: q.batchSize ?? 1, pollingIntervalSeconds: this.o.pollingIntervalSeconds ?? 2 },
      async (jobs: PgBoss.JobWithMetadata<Record<string, unknown>>[]) => {
        // batchSize 1 by default: pg-boss completes or fails the batch as one.
        let last: unknown;
        for (const job of jobs) last = await q.handler(job);
        return last;
      },
    );
    this.workerIds.set(q.name, id);
  }

  private async probe(boss: PgBoss): Promise<boolean> {
    try {
      const res = await withTimeLimit(boss.getDb().executeSql('SELECT 1 AS ok', []), 5000);
      // pg-boss answers undefined once its pool is closed.
      return !!res?.rows?.length;
    } catch {
      return false;
    }
  }

  private log(level: 'warn' | 'error' | 'log', message: string) {
    this.o.log?.(level, message);
  }
}

async function databaseAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
