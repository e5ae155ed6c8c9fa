/** The attachments module's SQL fragments for statements another module composes (one round trip). */
export const attachmentQueries = {
  /** The sorted SHA-256 of a submission's attachments, as an SQL array (`submission` is an SQL expression). */
  hashes: (submission: string) => `ARRAY(SELECT sha256 FROM attachment WHERE submission_id = ${submission} ORDER BY sha256)`,
} as const;
