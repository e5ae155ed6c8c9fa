/** CSV imports (org units, users): one file at most, checked by the browser before sending and by the server. */
export const CSV_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const CSV_IMPORT_MAX_ROWS = 5000;
