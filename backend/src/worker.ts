/**
 * `npm run worker`: a process that only runs background jobs (exports, compile-large, reminders,
 * e-mails) on the same PostgreSQL as the API. Start as many as you like: pg-boss hands each job
 * to one of them, and every job's effect is idempotent.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { checkDatabaseReachable } from './bootstrap.js';
import { fail, loadConfigOrExit } from './startup.js';
import { JobsService } from './jobs/jobs.service.js';


async function main() {
  const config = loadConfigOrExit();
  if (!config.databaseUrl) {
    fail(
      'Tiến trình xử lý nền cần DATABASE_URL (cùng cơ sở dữ liệu với ứng dụng) / the worker needs DATABASE_URL.\n' +
        '  Ví dụ: DATABASE_URL=postgres://user:mật-khẩu@máy-chủ:5432/bdg npm run worker\n' +
        '  Với PostgreSQL nhúng (không đặt DATABASE_URL), `npm start` đã tự chạy các việc nền (RUN_JOBS mặc định bật).',
    );
  }
  try {
    await checkDatabaseReachable(config.databaseUrl);
  } catch (e) {
    fail((e as Error).message);
  }

  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, runJobs: true }, config.databaseUrl), {
    logger: ['error', 'warn'],
  });
  await app.init();
  const jobs = app.get(JobsService);
  console.log(
    `Tiến trình xử lý nền đã chạy (PID ${process.pid}); bộ xử lý ${jobs.bossSupervisor?.running ? 'đã kết nối' : 'đang chờ cơ sở dữ liệu'}. Dừng: Ctrl-C`,
  );

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nĐang dừng tiến trình xử lý nền…');
    await app.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((e) => fail(`Lỗi tiến trình xử lý nền / worker error: ${(e as Error).stack ?? e}`));
