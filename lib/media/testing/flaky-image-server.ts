import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server does with the nth request (1-based) for a path. */
export type Fault = 'ok' | '503' | '429' | 'reset' | 'reset-mid-body' | '404';
export type FaultPlan = (path: string, nth: number) => Fault;

export type FlakyImageServer = {
  origin: string;
  /** Requests per path, simultaneous requests now and at most, since start or the last `resetStats`. */
  stats(): { requests: number; byPath: Map<string, number>; active: number; peakActive: number };
  resetStats(): void;
  close(): Promise<void>;
};

/**
 * A stand-in CDN for the image pipeline's tests and bench: serves originals from memory, misbehaves
 * on purpose (503, 429, connections reset before or during the body, 404) and counts how many
 * requests it holds at once, which is what the fetcher's concurrency cap must bound.
 */
export async function startFlakyImageServer(options: {
  images: ReadonlyMap<string, Buffer>;
  faults?: FaultPlan;
  /** Delay before answering, so requests overlap and a cap that does not hold would show. */
  holdMs?: number;
}): Promise<FlakyImageServer> {
  const faults = options.faults ?? (() => 'ok');
  let byPath = new Map<string, number>();
  let requests = 0;
  let active = 0;
  let peakActive = 0;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const nth = (byPath.get(path) ?? 0) + 1;
    byPath.set(path, nth);
    requests += 1;
    active += 1;
    peakActive = Math.max(peakActive, active);
    res.once('close', () => (active -= 1));

    const image = options.images.get(path);
    const fault = image ? faults(path, nth) : '404';
    setTimeout(() => {
      if (fault === 'reset') return void req.socket.destroy();
      if (fault === '404') return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      if (fault === '503') return void res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
      if (fault === '429') return void res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '0' }).end('slow down');
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(image!.length) });
      if (fault === 'reset-mid-body') {
        res.write(image!.subarray(0, Math.floor(image!.length / 2)));
        setTimeout(() => req.socket.destroy(), 5);
        return;
      }
      res.end(image);
    }, options.holdMs ?? 0);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stats: () => ({ requests, byPath: new Map(byPath), active, peakActive }),
    resetStats() {
      byPath = new Map();
      requests = 0;
      peakActive = active;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
