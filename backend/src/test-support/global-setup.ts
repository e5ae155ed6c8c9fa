import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../database/embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server URL on which test files may create their own databases. */
    adminDatabaseUrl: string;
  }
}

let embedded: EmbeddedDatabase | null = null;
let dir: string | null = null;

/** One PostgreSQL for the whole run: DATABASE_URL when given, else one embedded server. */
export async function setup(project: TestProject) {
  const given = process.env.DATABASE_URL;
  if (given) {
    project.provide('adminDatabaseUrl', given);
    return;
  }
  dir = mkdtempSync(path.join(tmpdir(), 'bdg-test-'));
  chmodSync(dir, 0o755); // the OS user postgres runs the server when we are root
  embedded = await startEmbeddedPostgres(dir);
  project.provide('adminDatabaseUrl', embedded.url);
}

export async function teardown() {
  await embedded?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
