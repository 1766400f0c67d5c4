import { describe, expect, it } from 'vitest';
import { canonicalQuery, canonicalUri, computeSignature, emptyPayloadHash, parseAuthorization, sha256Hex, signRequest } from './s3-sigv4';

// AWS's published example credentials (S3 API reference, SigV4 "Transferring Payload in a Single Chunk").
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' };
const date = new Date('2013-05-24T00:00:00Z');

describe('S3 SigV4', () => {
  it("reproduces AWS's GET Object example", () => {
    const headers = signRequest({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
      payloadHash: emptyPayloadHash,
      credentials,
      date,
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers['x-amz-date']).toBe('20130524T000000Z');
    expect(sha256Hex('')).toBe(emptyPayloadHash);
  });

  it('builds the canonical request and string to sign of that example', () => {
    const parts = computeSignature({
      method: 'GET',
      canonicalUri: '/test.txt',
      canonicalQuery: '',
      headers: { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9', 'x-amz-content-sha256': emptyPayloadHash, 'x-amz-date': '20130524T000000Z' },
      payloadHash: emptyPayloadHash,
      amzDate: '20130524T000000Z',
      credentials,
    });
    expect(parts.canonicalRequest).toBe(
      `GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\nx-amz-content-sha256:${emptyPayloadHash}\nx-amz-date:20130524T000000Z\n\nhost;range;x-amz-content-sha256;x-amz-date\n${emptyPayloadHash}`,
    );
    expect(parts.stringToSign).toBe('AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972');
  });

  it("reproduces AWS's PUT Object example (a $ in the key, a signed body)", () => {
    const body = 'Welcome to Amazon S3.';
    const headers = signRequest({
      method: 'PUT',
      url: new URL('https://examplebucket.s3.amazonaws.com/test$file.text'),
      headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      payloadHash: sha256Hex(body),
      credentials,
      date,
    });
    expect(headers.authorization).toMatch(/SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd$/);
  });

  it('encodes paths once per segment and sorts query parameters', () => {
    expect(canonicalUri('/bucket/a%20b/c*d')).toBe('/bucket/a%20b/c%2Ad');
    expect(canonicalUri('')).toBe('/');
    expect(canonicalQuery(new URLSearchParams('prefix=J&max-keys=2&lifecycle'))).toBe('lifecycle=&max-keys=2&prefix=J');
  });

  it('parses its own Authorization header back', () => {
    const headers = signRequest({ method: 'GET', url: new URL('http://127.0.0.1:9000/b/k'), payloadHash: emptyPayloadHash, credentials, date });
    expect(parseAuthorization(headers.authorization!)).toMatchObject({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      scope: '20130524/us-east-1/s3/aws4_request',
      signedHeaders: ['host', 'x-amz-content-sha256', 'x-amz-date'],
    });
    expect(parseAuthorization('Bearer x')).toBeNull();
  });
});
