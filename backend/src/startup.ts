import { type AppConfig, ConfigError, loadConfig } from './config/config.js';

/** One clear line and a non-zero exit: what a person at a terminal should see instead of a stack. */
export function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

/** The settings, or the list of what is wrong with them and exit 1. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(`Cấu hình không hợp lệ / invalid settings:\n${e.message}`);
    throw e;
  }
}
