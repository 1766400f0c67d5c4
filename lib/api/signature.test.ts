import { describe, expect, it } from 'vitest';
import { canonicalString, sha256Hex, sign, verifySignature } from './signature';

// Expected values computed independently with openssl, e.g.
//   printf 'GET\n/api/v1/products/42\n1700000000\nabcdefghijklmnop\ne3b0…b855' | openssl dgst -sha256 -hmac 's3cr3t-test-key'
const secret = 's3cr3t-test-key';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const postBody = '{"items":[{"skuId":12,"quantity":2}],"currency":"USD"}';

describe('canonicalString', () => {
  it('joins method, path with query, timestamp, nonce and the body hash with newlines', () => {
    expect(canonicalString('get', '/api/v1/products/42', 1700000000, 'abcdefghijklmnop', '')).toBe(
      `GET\n/api/v1/products/42\n1700000000\nabcdefghijklmnop\n${EMPTY_SHA256}`,
    );
  });

  it('hashes the body as UTF-8', () => {
    expect(sha256Hex('')).toBe(EMPTY_SHA256);
    expect(sha256Hex(postBody)).toBe('863175c1544d96e1dda74cfb9d1e16bca7d11108dbbf559c086171e5ce90afdf');
    expect(sha256Hex('{"externalRef":"订单-1"}')).toBe('c67ee108bbeff9cfda6fda72afd788c0a5e40d4e3580c567d30d14d0ecf1ae1f');
  });
});

describe('sign', () => {
  it('signs a GET with an empty body', () => {
    expect(sign(secret, 'GET', '/api/v1/products/42', '1700000000', 'abcdefghijklmnop', '')).toBe(
      '4502939737d06cc5a5e19e1ca9693cd3285b0b8a63b8ff15ab4a7686088592fe',
    );
  });

  it('signs the query string exactly as sent', () => {
    expect(sign(secret, 'GET', '/api/v1/products?q=phone%20case&page=2&pageSize=5', 1700000000, 'abcdefghijklmnop', '')).toBe(
      '30da806350226aba4f062912df76d3327885c5da8aea203912faa659c1b1d66f',
    );
  });

  it('signs a JSON POST body', () => {
    expect(sign(secret, 'POST', '/api/v1/orders', 1700000123, 'Nonce_0123-abcdEF', postBody)).toBe(
      '49b6172be67958bf022a98fa33729ed323c9a4cc2926b26a4b9fab08d8cc7737',
    );
  });
});

describe('verifySignature', () => {
  const good = '49b6172be67958bf022a98fa33729ed323c9a4cc2926b26a4b9fab08d8cc7737';
  const args = ['POST', '/api/v1/orders', '1700000123', 'Nonce_0123-abcdEF', postBody] as const;

  it('accepts the right signature', () => {
    expect(verifySignature(secret, good, ...args)).toBe(true);
  });

  it('rejects a signature made with another secret, body, path or nonce', () => {
    expect(verifySignature('other-secret', good, ...args)).toBe(false);
    expect(verifySignature(secret, good, 'POST', '/api/v1/orders', '1700000123', 'Nonce_0123-abcdEF', `${postBody} `)).toBe(false);
    expect(verifySignature(secret, good, 'POST', '/api/v1/orders?x=1', '1700000123', 'Nonce_0123-abcdEF', postBody)).toBe(false);
    expect(verifySignature(secret, good, 'POST', '/api/v1/orders', '1700000124', 'Nonce_0123-abcdEF', postBody)).toBe(false);
    expect(verifySignature(secret, good, 'POST', '/api/v1/orders', '1700000123', 'Nonce_0123-abcdEG', postBody)).toBe(false);
  });

  it('rejects malformed signatures without throwing', () => {
    expect(verifySignature(secret, good.toUpperCase(), ...args)).toBe(false);
    expect(verifySignature(secret, good.slice(0, 62), ...args)).toBe(false);
    expect(verifySignature(secret, `${good}00`, ...args)).toBe(false);
    expect(verifySignature(secret, '', ...args)).toBe(false);
    expect(verifySignature(secret, 'zz'.repeat(32), ...args)).toBe(false);
  });
});
