import { HttpException, Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobView as ApiJobView } from '@bdg/api-types';
import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions.js';
import type { AuthUser } from '../common/current-user.js';
import { conflict, notFound, unavailable } from '../common/errors.js';
import { CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { BossSupervisor, type QueueDefinition } from './boss-supervisor.js';
import { JOB_LABEL, JOB_POLICY, type JobName } from './job-names.js';
import { JobsRepository, type StoredFile } from './jobs.repository.js';
import { withTimeLimit } from '../common/time-limit.js';

export interface JobContext<T> {
  id: string;
  name: string;
  data: T;
  /** 1 for the first delivery. */
  attempt: number;
  retryLimit: number;
  /** 0–100, shown by GET /api/jobs/:id. */
  progress(pct: number): Promise<void>;
}

export interface JobDefinition<T = Record<string, unknown>> {
  name: string;
  options: QueueDefinition['options'];
  batchSize?: number;
  /** A cron (Asia/Ho_Chi_Minh) on which pg-boss sends this job with empty data. */
  schedule?: string;
  /** Returns the job's result (JSON). Throwing fails this attempt; pg-boss retries with backoff. */
  handler(ctx: JobContext<T>): Promise<unknown>;
}

/** A job as the API answers it (`JobView` of @bdg/api-types). */
export type JobView = ApiJobView<Date>;

/** Tunables read from the environment (operational knobs that stay out of the validated AppConfig). */
export function jobsTuning(env: NodeJS.ProcessEnv = process.env) {
  const num = (name: string, fallback: number, min: number) => {
    const n = Number(env[name]);
    return Number.isFinite(n) && n >= min ? n : fallback;
  };
  return {
    pollingIntervalSeconds: num('JOBS_POLL_SECONDS', 2, 0.5),
    checkIntervalMs: num('JOBS_CHECK_MS', 10_000, 100),
    poolSize: num('JOBS_POOL_SIZE', 5, 2),
    /** JOBS_SCHEDULE=false: no cron jobs from this process (tests that run reminders by hand). */
    schedules: env.JOBS_SCHEDULE !== 'false',
  };
}

/**
 * Background jobs on pg-boss, in the same PostgreSQL (schema `pgboss`). Every process can send;
 * processes with RUN_JOBS (the default, and `npm run worker`) also run them. Progress, result and
 * the reason of a failure are kept in job_progress for GET /api/jobs/:id.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Xử lý nền');
  private readonly defs = new Map<string, JobDefinition<never>>();
  private supervisor: BossSupervisor | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: JobsRepository,
  ) {}

  /** A job's stored file (the export job writes one). */
  saveFile(...args: Parameters<JobsRepository['saveFile']>) {
    return this.repo.saveFile(...args);
  }

  fileInfo(jobId: string) {
    return this.repo.fileInfo(jobId);
  }

  /**
   * Called by the module that owns a job, in its onModuleInit: the handler, run with the job's policy from
   * JOB_POLICY (retries, expiry, cron); `scheduled: false` leaves a periodic job unscheduled.
   */
  handle<T>(name: JobName, handler: JobDefinition<T>['handler'], opts: { scheduled?: boolean } = {}): void {
    const policy = JOB_POLICY[name];
    this.register<T>({ name, options: policy.options, schedule: opts.scheduled === false ? undefined : policy.schedule, handler });
  }

  /** Any queue with its own definition (or later: the queue is added live). */
  register<T>(def: JobDefinition<T>): void {
    this.defs.set(def.name, def as unknown as JobDefinition<never>);
    if (this.supervisor) void this.supervisor.addQueue(this.queueOf(def)).catch((e) => this.log.error(String(e)));
  }

  get runsJobs(): boolean {
    return this.config.runJobs;
  }

  /** The supervisor of this process's pg-boss (tests look at its restarts). */
  get bossSupervisor(): BossSupervisor | null {
    return this.supervisor;
  }

  async onApplicationBootstrap() {
    if (!this.config.runJobs) return;
    const sup = this.ensureSupervisor();
    if (!(await sup.start())) this.log.warn('Bộ xử lý nền chưa khởi động được; sẽ thử lại khi cơ sở dữ liệu sẵn sàng.');
  }

  async onApplicationShutdown() {
    await this.supervisor?.stop();
  }

  /** Sends a job; `userId` is its requester, the only one who may read it. Returns the job id. */
  async enqueue(name: string, data: object, opts: { userId?: string | null; singletonKey?: string } = {}): Promise<string> {
    if (!this.defs.has(name)) throw new Error(`Unknown job ${name}`);
    const boss = await this.ensureSupervisor().instance();
    if (!boss) throw unavailable('Hệ thống xử lý nền tạm thời không sẵn sàng. Vui lòng thử lại sau ít phút.');
    const id = randomUUID();
    await this.repo.create(id, name, opts.userId ?? null);
    const sent = await boss.send(name, data, { id, ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}) });
    if (!sent) {
      // A singleton already queued: the job is the one waiting.
      await this.repo.failed(id, 'Đã có một việc giống hệt đang chờ xử lý.', true);
    } else await this.ensureSupervisor().wake(name);
    return id;
  }

  /** Sends without a progress row (internal jobs: e-mails, sweeps). Null when pg-boss is down or a twin is queued. */
  async sendInternal(name: string, data: object, opts: PgBoss.SendOptions = {}): Promise<string | null> {
    const boss = await this.ensureSupervisor().instance();
    if (!boss) return null;
    return boss.send(name, data, opts);
  }

  async view(user: AuthUser, id: string): Promise<JobView> {
    const row = await this.repo.byId(id);
    // Only the requester sees a job; any other (or an unknown id) is 404.
    if (!row || row.userId !== user.id) throw notFound('Không tìm thấy công việc.');
    return {
      id: row.id,
      name: row.name,
      state: row.state,
      progress: row.progress,
      result: row.result,
      error: row.error,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  async file(user: AuthUser, id: string): Promise<StoredFile> {
    const job = await this.view(user, id);
    const file = await this.repo.file(id);
    if (file) return file;
    if (job.state === 'failed') throw conflict(`Không tạo được tệp: ${job.error ?? 'lỗi không rõ'}`, { state: job.state });
    throw conflict('Tệp chưa sẵn sàng. Hãy chờ công việc hoàn tất (xem GET /api/jobs/:id).', { state: job.state, progress: job.progress });
  }

  /** pg-boss's queue definition of a job: the handler wrapped with progress, exactly-once guard, time limit and Vietnamese errors. */
  queueOf<T>(def: JobDefinition<T>): QueueDefinition {
    return {
      name: def.name,
      options: def.options,
      batchSize: def.batchSize,
      handler: (job) => this.run(def, job as unknown as PgBoss.JobWithMetadata<T>),
    };
  }

  /** All registered jobs' queue definitions (for a worker started by hand, e.g. in tests). */
  queueDefinitions(): QueueDefinition[] {
    return [...this.defs.values()].map((d) => this.queueOf(d));
  }

  scheduleDefinitions() {
    return [...this.defs.values()].filter((d) => d.schedule).map((d) => ({ name: d.name, cron: d.schedule! }));
  }

  get databaseUrl(): string {
    return (this.db.options as PostgresConnectionOptions).url!;
  }

  private ensureSupervisor(): BossSupervisor {
    if (!this.supervisor) {
      const t = jobsTuning();
      this.supervisor = new BossSupervisor({
        connectionString: this.databaseUrl,
        work: this.config.runJobs,
        queues: this.queueDefinitions(),
        schedules: t.schedules ? this.scheduleDefinitions() : [],
        pollingIntervalSeconds: t.pollingIntervalSeconds,
        checkIntervalMs: t.checkIntervalMs,
        poolSize: t.poolSize,
        log: (level, m) => (level === 'error' ? this.log.error(m) : level === 'warn' ? this.log.warn(m) : this.log.log(m)),
      });
    }
    return this.supervisor;
  }

  private async run<T>(def: JobDefinition<T>, job: PgBoss.JobWithMetadata<T>): Promise<unknown> {
    const attempt = (job.retryCount ?? 0) + 1;
    const before = await this.repo.started(job.id, def.name, attempt);
    // A second delivery of a finished job (pg-boss delivers at least once): its effect is done.
    if (before.state === 'completed') return before.result;
    const ctx: JobContext<T> = {
      id: job.id,
      name: def.name,
      data: (job.data ?? {}) as T,
      attempt,
      retryLimit: job.retryLimit ?? def.options.retryLimit,
      progress: (pct) => this.repo.progress(job.id, pct).catch(() => {}),
    };
    try {
      const limit = Math.max(1, def.options.expireInSeconds - 2);
      const result = await withTimeLimit(def.handler(ctx), limit * 1000, `Quá thời gian xử lý cho phép (${limit} giây).`);
      await this.repo.completed(job.id, result ?? null);
      return result ?? null;
    } catch (e) {
      const final = attempt > ctx.retryLimit;
      const reason = reasonOf(e);
      const label = JOB_LABEL[def.name] ?? def.name;
      const message = final
        ? `${label} thất bại sau ${attempt} lần thử: ${reason}`
        : `${label}: lần thử ${attempt} thất bại, sẽ thử lại: ${reason}`;
      this.log.warn(`${message} (việc ${job.id})`);
      await this.repo.failed(job.id, message, final).catch(() => {});
      throw e instanceof Error ? e : new Error(reason);
    }
  }
}

/** The reason of a failure, in Vietnamese where we know it. */
export function reasonOf(e: unknown): string {
  if (e instanceof HttpException) {
    const r = e.getResponse();
    if (typeof r === 'object' && r && typeof (r as { message?: unknown }).message === 'string') return (r as { message: string }).message;
    return e.message;
  }
  const err = e as { code?: string; message?: string } | null;
  const code = err?.code ?? '';
  if (['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '08003'].includes(code) || /Connection terminated/i.test(err?.message ?? ''))
    return 'Mất kết nối tới cơ sở dữ liệu.';
  if (code === 'EAUTH') return 'Máy chủ thư (SMTP) từ chối đăng nhập.';
  if (['ESOCKET', 'ECONNECTION', 'ETIMEDOUT', 'EDNS'].includes(code)) return 'Không kết nối được máy chủ thư (SMTP).';
  const msg = typeof err?.message === 'string' && err.message ? err.message : String(e);
  return msg;
}
