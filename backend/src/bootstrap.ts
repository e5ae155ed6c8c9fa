import 'reflect-metadata';
import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import compression from 'compression';
import helmet from 'helmet';
import zlib from 'node:zlib';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { AppModule } from './app.module.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { cacheHeaders, precompressedAssets, REVALIDATE } from './common/static-assets.js';
import { jsonDepthGuard } from './common/json-depth.js';
import { measureBody, requestContextMiddleware } from './common/request-context.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/config.js';
import { largeDraftBodies } from './validation/large-body.js';
import { ValidationPool } from './validation/validation-pool.js';
import { metricsMiddleware } from './health/metrics.js';

/** The built SPA: frontend/dist beside the backend, or FRONTEND_DIST (a deployment serving it from elsewhere). */
export const frontendDist = process.env.FRONTEND_DIST ? path.resolve(process.env.FRONTEND_DIST) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../frontend/dist');

/** Builds the Nest app with every cross-cutting concern; used by main.ts and the test suites alike. */
export async function createApp(config: AppConfig, databaseUrl: string, opts: { logger?: false } = {}) {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bodyParser: false,
    logger: opts.logger === false ? false : ['error', 'warn'],
  });
  configureApp(app, config);
  return app;
}

export function configureApp(app: INestApplication, config: AppConfig) {
  const http = app as NestExpressApplication;
  // X-Forwarded-For is believed only from the configured number of proxies in front (nginx: 1);
  // with 0 the socket's address is the client's, whatever a client writes in its headers.
  http.set('trust proxy', config.trustProxyHops);
  http.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          // 'unsafe-eval': the browser validates with the same AJV schemas as the server (compiled with new Function)
          // and x-computed expressions are compiled by filtrex; without it every form page fails with an EvalError.
          scriptSrc: ["'self'", "'unsafe-eval'"],
          workerSrc: ["'self'", 'blob:'],
        },
      },
    }),
  );
  app.use(requestContextMiddleware);
  app.use(metricsMiddleware);
  // JSON answers (and any asset without a pre-compressed twin) compressed on the fly; zlib runs on libuv's
  // threads, not the event loop. Brotli at quality 4: near gzip's speed, smaller output; 11 is for build time.
  // Not below 4 kB: such an answer is a few packets either way, and setting up a compressor per answer took
  // 15 % of the API's time on the event path (npm run bench, profiled).
  app.use(compression({ threshold: 4096, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } }));
  // JSON bodies are bounded: a form is a few hundred kB; 10 MB payloads are refused with 413.
  const limit = process.env.JSON_LIMIT ?? '2mb';
  // A large draft is read as bytes and parsed in a validation thread, never here (validation/large-body.ts).
  app.use(largeDraftBodies(app.get(ValidationPool), config.validationWorkerBytes, limit, measureBody));
  app.use(express.json({ limit, verify: measureBody }));
  app.use(jsonDepthGuard);
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  if (!config.exposeMetrics) app.use('/metrics', closed);
  if (config.exposeApiDocs) setupApiDocs(app);

  if (existsSync(path.join(frontendDist, 'index.html'))) {
    app.use(precompressedAssets(frontendDist));
    app.use(express.static(frontendDist, { index: false, cacheControl: false, setHeaders: cacheHeaders }));
    app.use((req: Request, res: Response, next: NextFunction) => {
      const isApi = /^\/(api|healthz|readyz|metrics)(\/|$)/.test(req.path);
      if (req.method !== 'GET' || isApi) return next();
      res.setHeader('Cache-Control', REVALIDATE);
      res.sendFile(path.join(frontendDist, 'index.html'), { cacheControl: false });
    });
  }
}

function setupApiDocs(app: INestApplication) {
  const doc = new DocumentBuilder()
    .setTitle('Báo cáo BĐG — API')
    .setDescription('Biểu mẫu và quy trình phê duyệt báo cáo bình đẳng giới')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc));
}

/** A route closed by configuration is routed nowhere, so it answers exactly like a path that does not exist. */
function closed(req: Request, _res: Response, next: NextFunction) {
  req.url = '/__closed__';
  next();
}

/** One clear line when the given server does not answer, instead of TypeORM's retries and a stack. */
export async function checkDatabaseReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    const u = new URL(url);
    const why = (e as Error).message;
    throw new Error(
      `Không kết nối được PostgreSQL tại ${u.hostname}:${u.port || 5432} (${why}) / cannot reach the database.\n` +
        'Kiểm tra DATABASE_URL và máy chủ PostgreSQL, hoặc bỏ DATABASE_URL để dùng PostgreSQL nhúng.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}

export const bootLog = new Logger('Khởi động');
