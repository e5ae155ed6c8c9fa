import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { inject } from 'vitest';
import { createApp } from '../bootstrap.js';
import { loadConfig } from '../config/config.js';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  databaseUrl: string;
  /** The app's DATA_DIR (a second replica on the same database may share it). */
  dataDir: string;
  /** Raw SQL against the test database, for setup and tamper checks. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export const ADMIN_PASSWORD = 'Admin@Test1';

/** Each test file gets its own database on the run's server, so files run in parallel. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      // Closed pools may still be saying goodbye: wait for them rather than cut them off (FORCE would
      // kill a connection mid-close and surface as an unhandled error in the test run).
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(`DROP DATABASE IF EXISTS ${name}${attempt >= 20 ? ' WITH (FORCE)' : ''}`);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await c.end();
    },
  };
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bdg-app-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    ADMIN_PASSWORD,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO: 'false',
    RUN_JOBS: 'false',
    LOGIN_RATE_LIMIT: '1000',
    ...env,
  } as NodeJS.ProcessEnv);
  const app = await createApp(config, db.url, { logger: false });
  await app.init();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    databaseUrl: db.url,
    dataDir,
    sql: async (text, params) => (await pool.query(text, params)).rows,
    login: async (username, password = ADMIN_PASSWORD) => {
      const res = await request(app.getHttpServer()).post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    close: async () => {
      await app.close();
      await pool.end();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
