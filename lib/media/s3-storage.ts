import { derivativeSizes } from './derive';
import { emptyPayloadHash, sha256Hex, signRequest, type SigV4Credentials } from './s3-sigv4';
import { derivativePath, mediaKeyPattern, type MediaStorage } from './storage';

export type S3StorageConfig = {
  /** e.g. `https://s3.eu-central-1.amazonaws.com`, `http://127.0.0.1:9000` (MinIO), an R2 endpoint. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Base URL browsers load objects from (CDN or public bucket); without it the /media route proxies. */
  publicUrl?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
};

/**
 * S3-compatible media store speaking PutObject/GetObject with SigV4. Path-style URLs
 * (`<endpoint>/<bucket>/<key>`) because MinIO, Ceph and most S3-compatibles default to them.
 */
export function createS3Storage(config: S3StorageConfig): MediaStorage {
  const base = config.endpoint.replace(/\/+$/, '');
  const credentials: SigV4Credentials = { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region };
  const fetchImpl = config.fetchImpl ?? fetch;
  const timeoutMs = config.timeoutMs ?? 30_000;
  const objectUrl = (path: string) => new URL(`${base}/${config.bucket}/${path}`);

  async function send(method: 'PUT' | 'GET', path: string, body?: Buffer, headers: Record<string, string> = {}): Promise<Response> {
    const url = objectUrl(path);
    // One retry: a store that drops a connection now and then should not fail an image.
    for (let attempt = 1; ; attempt += 1) {
      const signed = signRequest({ method, url, headers, payloadHash: body ? sha256Hex(body) : emptyPayloadHash, credentials });
      try {
        const res = await fetchImpl(url, { method, headers: signed, body: body ? new Uint8Array(body) : undefined, signal: AbortSignal.timeout(timeoutMs) });
        if (res.status < 500 || attempt === 2) return res;
        await res.body?.cancel().catch(() => undefined);
      } catch (error) {
        if (attempt === 2) throw new Error(`storage: S3 ${method} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  const failure = async (method: string, res: Response) => {
    const detail = (await res.text().catch(() => '')).match(/<Code>([^<]+)<\/Code>/)?.[1];
    return new Error(`storage: S3 ${method} answered ${res.status}${detail ? ` ${detail}` : ''}`);
  };

  const storage: MediaStorage = {
    async save(d) {
      for (const size of derivativeSizes) {
        const res = await send('PUT', derivativePath(d.key, size), d.files[size], {
          'content-type': 'image/webp',
          'cache-control': 'public, max-age=31536000, immutable',
        });
        if (!res.ok) throw await failure('PUT', res);
        await res.body?.cancel().catch(() => undefined);
      }
    },
    async read(key, size) {
      if (!mediaKeyPattern.test(key)) return null;
      const res = await send('GET', derivativePath(key, size));
      if (res.status === 404) {
        await res.body?.cancel().catch(() => undefined);
        return null;
      }
      if (!res.ok) throw await failure('GET', res);
      return Buffer.from(await res.arrayBuffer());
    },
  };
  if (config.publicUrl) {
    const publicBase = config.publicUrl.replace(/\/+$/, '');
    storage.url = (key, size) => `${publicBase}/${derivativePath(key, size)}`;
  }
  return storage;
}
