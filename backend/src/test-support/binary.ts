import type { Test } from 'supertest';

/** A supertest parser that keeps the body as bytes (DOCX, PDF and XLSX answers). */
export const binary: Parameters<Test['parse']>[0] = (res, cb) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};
