import { performance } from 'node:perf_hooks';
import { checkDatabaseReachable, createApp } from './bootstrap.js';
import { fail, loadConfigOrExit } from './startup.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres.js';

const t0 = performance.now();


async function main() {
  const config = loadConfigOrExit();

  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    try {
      embedded = await startEmbeddedPostgres(config.dataDir);
    } catch (e) {
      fail((e as Error).message);
    }
    url = embedded.url;
  } else {
    try {
      await checkDatabaseReachable(url);
    } catch (e) {
      fail((e as Error).message);
    }
  }

  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log('\nĐang dừng…');
    await app?.close().catch(() => {});
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  // embedded-postgres stops its servers on these signals by itself, racing the app's own shutdown
  // (job workers and the pool would lose the database under them): one ordered shutdown instead.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    app = await createApp(config, url);
    await app.listen(config.port, config.host);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    await embedded?.stop().catch(() => {});
    if (err.code === 'EADDRINUSE')
      fail(`Cổng ${config.port} đang được chương trình khác dùng / port in use. Đặt PORT=<cổng khác> rồi chạy lại.`);
    fail(`Không khởi động được ứng dụng / the app did not start: ${err.message}`);
  }

  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const address = `http://localhost:${config.port}`;
  console.log(
    [
      '',
      '────────────────────────────────────────────────────────────',
      ` Báo cáo BĐG đã sẵn sàng (${seconds} s)  →  ${address}`,
      ` API: ${address}/api/docs   Sức khỏe: ${address}/readyz`,
      ` Cơ sở dữ liệu: ${embedded ? `PostgreSQL nhúng, dữ liệu tại ${embedded.dataDir}` : 'DATABASE_URL'}`,
      ' Tài khoản:',
      `   admin / ${config.adminPasswordIsDefault ? config.adminPassword : '(mật khẩu trong ADMIN_PASSWORD)'}  (quản trị)`,
      ...demoLogins(config.seedDemo),
      ' Dừng: Ctrl-C',
      '────────────────────────────────────────────────────────────',
    ].join('\n'),
  );
}

function demoLogins(seedDemo: boolean): string[] {
  if (!seedDemo) return [];
  return [
    '   Các tài khoản mẫu dưới đây dùng mật khẩu: Demo@2026!',
    '   hy.admin (quản trị Sở Hưng Yên), hy.so.reviewer (Sở duyệt)',
    '   kc.reviewer (Phòng Khoái Châu duyệt/tổng hợp), kc.head (Trưởng phòng ký)',
    '   kc.th-tan-dan.editor (trường nhập liệu), kc.th-tan-dan.head (hiệu trưởng ký)',
  ];
}

main().catch((e) => fail(`Lỗi khởi động / startup error: ${(e as Error).stack ?? e}`));
