import { MAX_REVALIDATE_TAGS, revalidateHeaders } from './revalidate-signature';

export type RemoteRevalidator = {
  /** Queues tags; they go out in the background, at most one request at a time, ≤ 1000 tags each. */
  add(tags: readonly string[]): void;
  /** Waits until everything queued has been sent (or given up on). */
  flush(): Promise<void>;
  readonly sent: number;
};

type Options = { siteUrl: string; secretKey: string; warn?: (line: string) => void; timeoutMs?: number };

/**
 * Client of `POST {SITE_URL}/api/internal/revalidate`, for code that runs outside the Next server
 * (the CLI) or outside a request (a sync started in the background). Best effort: a server that is
 * not running does not fail a sync or a stock change — it is said once, and its cache then expires
 * on its own schedule (catalogRevalidateSeconds).
 */
export function createRemoteRevalidator(options: Options): RemoteRevalidator {
  const url = new URL('/api/internal/revalidate', options.siteUrl).toString();
  const warn = options.warn ?? ((line: string) => console.warn(line));
  const queue = new Set<string>();
  let running: Promise<void> | null = null;
  let gaveUp = false;
  let sent = 0;

  async function send(tags: string[]): Promise<void> {
    const body = JSON.stringify({ tags });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...revalidateHeaders(options.secretKey, body) },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
    });
    if (!response.ok) throw new Error(`answered HTTP ${response.status}`);
    sent += tags.length;
  }

  async function drain(): Promise<void> {
    while (queue.size > 0 && !gaveUp) {
      const tags = [...queue].slice(0, MAX_REVALIDATE_TAGS);
      for (const t of tags) queue.delete(t);
      try {
        await send(tags);
      } catch (error) {
        gaveUp = true;
        queue.clear();
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        warn(`ferry: cache not revalidated at ${url} (${cause?.code ?? cause?.message ?? (error as Error).message}); is the server running? Cached pages refresh within the hour.`);
      }
    }
  }

  const kick = () => {
    if (running || gaveUp || queue.size === 0) return;
    running = drain().finally(() => {
      running = null;
      kick();
    });
  };

  return {
    get sent() {
      return sent;
    },
    add(tags) {
      if (gaveUp) return;
      for (const t of tags) queue.add(t);
      kick();
    },
    async flush() {
      while (running) await running;
    },
  };
}
