import { createHash, createHmac } from 'node:crypto';

/*
 * AWS Signature Version 4 for S3 requests with the payload signed in a single chunk (no AWS SDK
 * is installed). Spec: "Signature Calculations for the Authorization Header: Transferring
 * Payload in a Single Chunk" (Amazon S3 API reference); the unit test checks AWS's example.
 */

export type SigV4Credentials = { accessKeyId: string; secretAccessKey: string; region: string; service?: string };

export const emptyPayloadHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding: everything but A–Z a–z 0–9 - . _ ~ (encodeURIComponent also spares !'()*). */
export const encodeRfc3986 = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** S3 encodes each path segment once (other services double-encode; S3 does not). */
export function canonicalUri(pathname: string): string {
  return pathname.split('/').map((segment) => encodeRfc3986(decodeURIComponent(segment))).join('/') || '/';
}

export function canonicalQuery(search: URLSearchParams): string {
  return [...search]
    .map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export const amzDate = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export type SignatureParts = {
  method: string;
  canonicalUri: string;
  canonicalQuery: string;
  /** Every signed header, any case; values are trimmed and inner spaces collapsed here. */
  headers: Record<string, string>;
  payloadHash: string;
  amzDate: string;
  credentials: SigV4Credentials;
};

/** The signature for already-canonical parts: used by the signer and by servers that verify it. */
export function computeSignature(p: SignatureParts) {
  const entries = Object.entries(p.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const signedHeaders = entries.map(([name]) => name).join(';');
  const canonicalRequest = [p.method, p.canonicalUri, p.canonicalQuery, entries.map(([n, v]) => `${n}:${v}\n`).join(''), signedHeaders, p.payloadHash].join('\n');
  const day = p.amzDate.slice(0, 8);
  const service = p.credentials.service ?? 's3';
  const scope = `${day}/${p.credentials.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', p.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${p.credentials.secretAccessKey}`, day);
  for (const part of [p.credentials.region, service, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return { signature, signedHeaders, scope, canonicalRequest, stringToSign };
}

/**
 * Signs a request: returns the headers to send (the given ones plus `x-amz-date`,
 * `x-amz-content-sha256` and `authorization`). `host` is signed from the URL; fetch sends it.
 */
export function signRequest(input: {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  payloadHash: string;
  credentials: SigV4Credentials;
  date?: Date;
}): Record<string, string> {
  const date = amzDate(input.date ?? new Date());
  const headers = { ...input.headers, 'x-amz-date': date, 'x-amz-content-sha256': input.payloadHash };
  const { signature, signedHeaders, scope } = computeSignature({
    method: input.method,
    canonicalUri: canonicalUri(input.url.pathname),
    canonicalQuery: canonicalQuery(input.url.searchParams),
    headers: { ...headers, host: input.url.host },
    payloadHash: input.payloadHash,
    amzDate: date,
    credentials: input.credentials,
  });
  const authorization = `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { ...headers, authorization };
}

/** Splits an Authorization header back into its fields (for servers that verify requests). */
export function parseAuthorization(header: string): { accessKeyId: string; scope: string; signedHeaders: string[]; signature: string } | null {
  const m = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/([^,\s]+),\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/.exec(header);
  if (!m) return null;
  return { accessKeyId: m[1]!, scope: m[2]!, signedHeaders: m[3]!.split(';'), signature: m[4]! };
}
