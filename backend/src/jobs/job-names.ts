/**
 * The background jobs (pg-boss queues) and their payloads. A payload is plain JSON; a job runs
 * in the API process (RUN_JOBS, the default) or in `npm run worker`, on any number of processes.
 */
export const JOB = {
  /** Renders a submission's official document or figures into export_file. */
  export: 'export',
  /** Sends COMPILE for a unit whose subtree has more than 1,000 children (hook for SubmissionsService). */
  compileLarge: 'compile-large',
  /** Hourly: deadline reminders (3 days, 1 day, late) and "waiting for my signature". */
  reminders: 'reminders',
  /** One notification by e-mail (SMTP_URL set). */
  notificationEmail: 'notification-email',
  /** Every few minutes: queues e-mails for notifications not yet sent. */
  emailSweep: 'notification-email-sweep',
  /** Daily: opens the rounds whose regime says today is their day (one per regime and period). */
  regimesOpenDue: 'regimes-open-due',
  /** Hourly: late units escalated to their parent's reviewer, once per unit and deadline. */
  regimesEscalate: 'regimes-escalate',
  /** Creates a large round's submissions in the background (202 with the job to follow). */
  roundOpen: 'round-open',
  /** Every few minutes: folds the progress counters' +1/−1 rows (reads stay a few hundred rows). */
  progressFold: 'progress-fold',
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

/** How pg-boss runs a job: retries, expiry, and (for the periodic ones) its cron in Asia/Ho_Chi_Minh. */
export interface JobPolicy {
  options: { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number; policy?: 'short' };
  schedule?: string;
}

/** Every job's policy in one table: the module that owns a job registers only its handler. */
export const JOB_POLICY: Record<JobName, JobPolicy> = {
  [JOB.export]: { options: { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 } },
  [JOB.compileLarge]: { options: { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 900 } },
  [JOB.reminders]: { options: { retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 600 }, schedule: '0 * * * *' },
  [JOB.notificationEmail]: { options: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 120, policy: 'short' } },
  // Scheduled only when SMTP is configured (NotificationEmails).
  [JOB.emailSweep]: { options: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 120 }, schedule: '*/5 * * * *' },
  [JOB.regimesOpenDue]: { options: { retryLimit: 2, retryDelay: 300, retryBackoff: true, expireInSeconds: 3600 }, schedule: '5 0 * * *' },
  // Hourly, a quarter past: after the reminders of the same hour.
  [JOB.regimesEscalate]: { options: { retryLimit: 2, retryDelay: 120, retryBackoff: true, expireInSeconds: 1800 }, schedule: '15 * * * *' },
  [JOB.roundOpen]: { options: { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 1800 } },
  [JOB.progressFold]: { options: { retryLimit: 1, retryDelay: 30, retryBackoff: false, expireInSeconds: 300, policy: 'short' }, schedule: '*/5 * * * *' },
};

export type ExportFormat = 'docx' | 'pdf' | 'xlsx';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'pdf', 'xlsx'];

export interface ExportPayload {
  submissionId: string;
  format: ExportFormat;
  /** The requester: visibility is checked again when the job runs. */
  userId: string;
}

export interface CompileLargePayload {
  submissionId: string;
  /** The reviewer who asked for the compile: the event runs as this user. */
  userId: string;
  /** The flow's compile event (the one whose action is compileChildren). */
  eventType: string;
  /** ISO time of the request: a compilation done after it means the job's effect already happened. */
  requestedAt: string;
}

export interface RemindersPayload {
  /** ISO time to evaluate deadlines at (tests); now by default. */
  now?: string;
}

export interface RegimesOpenDuePayload {
  /** The day (Vietnam) taken as today (tests, a moved clock); today by default. */
  today?: string;
}

export interface NotificationEmailPayload {
  notificationId: string;
}

/** Labels of the jobs in Vietnamese (error messages, logs). */
export const JOB_LABEL: Record<string, string> = {
  [JOB.export]: 'Xuất văn bản',
  [JOB.compileLarge]: 'Tổng hợp số liệu',
  [JOB.reminders]: 'Nhắc hạn nộp báo cáo',
  [JOB.notificationEmail]: 'Gửi thư thông báo',
  [JOB.emailSweep]: 'Quét thông báo chưa gửi thư',
  [JOB.regimesOpenDue]: 'Mở đợt báo cáo theo chế độ báo cáo',
  [JOB.regimesEscalate]: 'Báo cấp trên các đơn vị quá hạn',
  [JOB.roundOpen]: 'Mở đợt báo cáo',
  [JOB.progressFold]: 'Cập nhật số liệu tiến độ',
};
