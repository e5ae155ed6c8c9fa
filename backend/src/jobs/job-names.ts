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
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

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
};
