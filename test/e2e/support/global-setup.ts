/** One app instance for every browser suite: started here, its URL provided to the tests, stopped at the end. */
import type { TestProject } from 'vitest/node';
import { App } from './app.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // Development only: reuse an app that is already running (E2E_BASE_URL=http://127.0.0.1:3100).
  if (process.env.E2E_BASE_URL) {
    project.provide('baseUrl', process.env.E2E_BASE_URL);
    return;
  }
  const app = new App();
  const t0 = Date.now();
  await app.start();
  console.log(`[e2e] app ready at ${app.url} in ${((Date.now() - t0) / 1000).toFixed(1)} s (DATA_DIR ${app.dataDir}, embedded PostgreSQL)`);
  project.provide('baseUrl', app.url);
  return async () => {
    const { exitCode, leftovers } = await app.stop();
    console.log(`[e2e] app stopped (exit ${exitCode})`);
    if (leftovers.length)
      throw new Error(`PostgreSQL processes remained for ${app.dataDir} after SIGTERM:\n${leftovers.map((p) => `${p.pid} ${p.cmd}`).join('\n')}`);
    if (exitCode !== 0) console.warn(`[e2e] the app exited with ${exitCode} on SIGTERM; last output:\n${app.logs(3000)}`);
  };
}
