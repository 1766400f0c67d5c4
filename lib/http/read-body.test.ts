import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { readBodyText } from './read-body';

/** A request whose body is an endless (or `chunks`-long) stream that records how much was pulled and whether it was cancelled. */
function streamed(chunkBytes: number, options: { chunks?: number; headers?: Record<string, string> } = {}) {
  const state = { pulled: 0, isCancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (options.chunks !== undefined && state.pulled >= options.chunks) return controller.close();
      state.pulled += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(120));
    },
    cancel() {
      state.isCancelled = true;
    },
  });
  const request = new Request('http://ferry.test/hook', { method: 'POST', body, headers: options.headers, duplex: 'half' } as RequestInit);
  return { request, state };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('readBodyText', () => {
  it('returns the body as text, multi-byte characters split across chunks included', async () => {
    const bytes = new TextEncoder().encode('{"title":"纯棉T恤"}');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 5) controller.enqueue(bytes.subarray(i, i + 5));
        controller.close();
      },
    });
    const request = new Request('http://ferry.test/', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await readBodyText(request, bytes.length)).toBe('{"title":"纯棉T恤"}');
    expect(await readBodyText(new Request('http://ferry.test/'), 10)).toBe('');
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    const { request, state } = streamed(1024, { headers: { 'content-length': String(30 * 1024 * 1024) } });
    const error = await refusal(readBodyText(request, 1024 * 1024));
    expect([error.code, error.status]).toEqual(['payload_too_large', 413]);
    expect(state.pulled).toBeLessThanOrEqual(1); // a stream may pre-fill its queue once; nothing is read
  });

  it('stops an endless chunked body at the cap and cancels the stream', async () => {
    const { request, state } = streamed(64 * 1024);
    const error = await refusal(readBodyText(request, 256 * 1024));
    expect(error.code).toBe('payload_too_large');
    expect(state.isCancelled).toBe(true);
    // 256 KB cap / 64 KB chunks: the fifth chunk crosses it; a couple more may sit in the queue.
    expect(state.pulled).toBeLessThanOrEqual(8);
  });

  it('does not trust a Content-Length that understates the body', async () => {
    const { request, state } = streamed(64 * 1024, { chunks: 100, headers: { 'content-length': '10' } });
    expect((await refusal(readBodyText(request, 100_000))).code).toBe('payload_too_large');
    expect(state.isCancelled).toBe(true);
  });

  it('accepts a body of exactly the cap', async () => {
    const { request } = streamed(1000, { chunks: 4 });
    expect((await readBodyText(request, 4000)).length).toBe(4000);
  });
});
