import { createPrivateKey, type KeyObject, privateEncrypt, constants } from 'node:crypto';
import { SHA256_DIGEST_INFO } from '../pades/cms.js';

/** RSASSA-PKCS1-v1_5 over a precomputed SHA-256 (the key never sees the data, only the hash). */
export function rsaSignHash(key: KeyObject | string, hash: Buffer): Buffer {
  if (hash.length !== 32) throw new Error('SHA-256 hash expected (32 bytes)');
  const k = typeof key === 'string' ? createPrivateKey(key) : key;
  return privateEncrypt({ key: k, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, hash]));
}
