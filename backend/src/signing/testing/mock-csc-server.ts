/**
 * An in-process Cloud Signature Consortium API v1 server for tests: one credential, a key and a
 * certificate issued by the given CA; credentials/authorize returns a SAD (as after the user's
 * approval on the phone), signatures/signHash signs the hash with RSA PKCS#1 v1.5.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { issueCertificate, type KeyAndCert, newRsaKeyPem, pemToDer } from '../providers/certificates.js';
import { rsaSignHash } from '../providers/rsa.js';

export interface MockCsc {
  url: string;
  token: string;
  certPem: string;
  calls: string[];
  close(): Promise<void>;
}

export async function startMockCsc(ca: KeyAndCert, signerName: string, opts: { authorizeDelayMs?: number } = {}): Promise<MockCsc> {
  const key = newRsaKeyPem();
  const certPem = issueCertificate({ subject: { commonName: signerName, organization: 'Dịch vụ ký số từ xa (thử)' }, publicPem: key.publicPem, issuer: ca, ca: false, years: 1 });
  const token = 'csc-test-token';
  const sads = new Set<string>();
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      const route = (req.url ?? '').replace(/^\/csc\/v1\//, '');
      calls.push(route);
      const send = (status: number, json: object) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: 'invalid_token' });
      const b = JSON.parse(body || '{}') as Record<string, unknown>;
      if (route === 'credentials/list') return send(200, { credentialIDs: ['cred-1'] });
      if (route === 'credentials/info')
        return send(200, { key: { status: 'enabled', algo: ['1.2.840.113549.1.1.1'], len: 2048 }, cert: { status: 'valid', certificates: [pemToDer(certPem).toString('base64'), pemToDer(ca.certPem).toString('base64')] } });
      if (route === 'credentials/authorize') {
        await new Promise((r) => setTimeout(r, opts.authorizeDelayMs ?? 0));
        const sad = `sad-${sads.size + 1}`;
        sads.add(sad);
        return send(200, { SAD: sad, expiresIn: 300 });
      }
      if (route === 'signatures/signHash') {
        if (!sads.delete(String(b.SAD))) return send(400, { error: 'invalid_request', error_description: 'SAD không hợp lệ' });
        const hashes = (b.hash as string[]).map((h) => Buffer.from(h, 'base64'));
        return send(200, { signatures: hashes.map((h) => rsaSignHash(key.privatePem, h).toString('base64')) });
      }
      return send(404, { error: 'not_found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/csc/v1`, token, certPem, calls, close: () => new Promise((r) => server.close(() => r())) };
}
