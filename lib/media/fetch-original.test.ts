import { describe, expect, it } from 'vitest';
import { createImageFetcher, type ImageFetcherOptions } from './fetch-original';
import type { TokenBucket } from './token-bucket';

const png = (bytes = 10) => new Uint8Array(bytes).fill(7);
const ok = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Response(body, { status: 200, headers: { 'content-type': 'image/png', ...headers } });
const status = (code: number, text: string, headers: Record<string, string> = {}) => new Response('nope', { status: code, statusText: text, headers });
const reset = () => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });

/** A fetcher whose upstream answers from a script, with sleeps recorded instead of slept. */
function scripted(answers: (() => Response | Promise<Response>)[], options: ImageFetcherOptions = {}) {
  const sleeps: number[] = [];
  const urls: string[] = [];
  let call = 0;
  const fetcher = createImageFetcher({
    bytesPerSecond: null,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 1,
    fetchImpl: async (input) => {
      urls.push(String(input));
      const answer = answers[Math.min(call++, answers.length - 1)]!;
      return answer();
    },
    ...options,
  });
  return { fetcher, sleeps, urls };
}

describe('createImageFetcher', () => {
  it('retries 5xx and resets with exponential backoff, then returns the body', async () => {
    const { fetcher, sleeps } = scripted([() => status(503, 'Service Unavailable'), () => Promise.reject(reset()), () => status(500, 'Boom'), () => ok(png(10))]);
    expect((await fetcher.fetch('https://cdn.example/a.png')).length).toBe(10);
    expect(sleeps).toEqual([500, 1000, 2000]);
    expect(fetcher.counters()).toMatchObject({ attempts: 4, retries: 3, succeeded: 1, failed: 0, bytes: 10 });
  });

  it('gives up after 3 retries, naming the last failure and the attempts spent', async () => {
    const { fetcher } = scripted([() => status(503, 'Service Unavailable')]);
    await expect(fetcher.fetch('https://cdn.example/a.png')).rejects.toThrow('HTTP 503 Service Unavailable (after 4 attempts)');
    expect(fetcher.counters()).toMatchObject({ attempts: 4, retries: 3, failed: 1 });
  });

  it('reports a network failure by its code', async () => {
    const { fetcher } = scripted([() => Promise.reject(reset())], { retries: 1 });
    await expect(fetcher.fetch('https://cdn.example/a.png')).rejects.toThrow('network error: ECONNRESET (after 2 attempts)');
  });

  it('never retries a 404 or 403', async () => {
    for (const [code, text] of [[404, 'Not Found'], [403, 'Forbidden']] as const) {
      const { fetcher } = scripted([() => status(code, text), () => ok(png())]);
      await expect(fetcher.fetch('https://cdn.example/a.png')).rejects.toMatchObject({ message: `HTTP ${code} ${text}`, kind: 'http', status: code });
      expect(fetcher.counters()).toMatchObject({ attempts: 1, retries: 0 });
    }
  });

  it('waits at least as long as a 429 Retry-After asks', async () => {
    const { fetcher, sleeps } = scripted([() => status(429, 'Too Many Requests', { 'retry-after': '7' }), () => ok(png())]);
    await fetcher.fetch('https://cdn.example/a.png');
    expect(sleeps).toEqual([7000]);
  });

  it('refuses oversized originals by header and while streaming, without retrying', async () => {
    const big = scripted([() => ok(png(10), { 'content-length': '25000000' })]);
    await expect(big.fetcher.fetch('https://cdn.example/a.png')).rejects.toThrow('too large: 25.0 MB, over the 20.0 MB cap');
    const chunks = [png(600), png(600)];
    const stream = () => new ReadableStream<Uint8Array>({ pull: (c) => void (chunks.length ? c.enqueue(chunks.shift()!) : c.close()) });
    const streamed = scripted([() => ok(stream())], { maxBytes: 1000 });
    await expect(streamed.fetcher.fetch('https://cdn.example/a.png')).rejects.toThrow('too large: over the 0.0 MB cap');
    expect(streamed.fetcher.counters().attempts).toBe(1);
  });

  it('fetches only http(s) URLs', async () => {
    const { fetcher, urls } = scripted([() => ok(png())]);
    await expect(fetcher.fetch('data:image/png;base64,AAAA')).rejects.toThrow('not an http(s) URL');
    await expect(fetcher.fetch('file:///etc/passwd')).rejects.toThrow('not an http(s) URL');
    expect(urls).toEqual([]);
  });

  it('refuses an HTML page served with 200', async () => {
    const { fetcher } = scripted([() => new Response('<html>login</html>', { headers: { 'content-type': 'text/html; charset=utf-8' } })]);
    await expect(fetcher.fetch('https://cdn.example/a.png')).rejects.toThrow('not an image: content-type text/html');
    expect(fetcher.counters().attempts).toBe(1);
  });

  it('times out a stalled upstream and retries it', async () => {
    const hang = (): Promise<Response> => new Promise(() => undefined);
    const { fetcher } = scripted([hang, () => ok(png())], { timeoutMs: 20 });
    expect((await fetcher.fetch('https://cdn.example/a.png')).length).toBe(10);
    expect(fetcher.counters()).toMatchObject({ attempts: 2, retries: 1 });
  });

  it('pays the bucket chunk by chunk and fetches the rewritten URL', async () => {
    const taken: number[] = [];
    const bucket: TokenBucket = { bytesPerSecond: 1, burst: 1, take: async (n) => void taken.push(n) };
    const chunks = [png(3), png(5), png(2)];
    const stream = new ReadableStream<Uint8Array>({ pull: (c) => void (chunks.length ? c.enqueue(chunks.shift()!) : c.close()) });
    const { fetcher, urls } = scripted([() => ok(stream)], { bucket, rewriteUrl: (u) => u.replace('https://cdn.example', 'http://127.0.0.1:9') });
    expect((await fetcher.fetch('https://cdn.example/a.png')).length).toBe(10);
    expect(taken).toEqual([3, 5, 2]);
    expect(urls).toEqual(['http://127.0.0.1:9/a.png']);
  });

  it('shares one concurrency cap between all callers', async () => {
    let active = 0;
    let peak = 0;
    const fetcher = createImageFetcher({
      concurrency: 3,
      bytesPerSecond: null,
      fetchImpl: async () => {
        peak = Math.max(peak, ++active);
        await new Promise((resolve) => setImmediate(resolve));
        active -= 1;
        return ok(png());
      },
    });
    await Promise.all(Array.from({ length: 20 }, (_, i) => fetcher.fetch(`https://cdn.example/${i}.png`)));
    expect(peak).toBe(3);
    expect(fetcher.counters()).toMatchObject({ peakActive: 3, active: 0, succeeded: 20 });
  });
});
