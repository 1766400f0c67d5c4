import http from 'node:http';

/** A keep-alive agent allowing `sockets` connections at once: a burst really is concurrent. */
export function burstAgent(sockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

export type PostResult = { status: number; body: string; ms: number };

/** POST with node:http (fetch would cap concurrency per origin); network errors become status 0. */
export function post(agent: http.Agent, url: string, headers: Record<string, string>, body: string): Promise<PostResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
    });
    request.setTimeout(60_000, () => request.destroy(new Error('timeout')));
    request.on('error', (error) => resolve({ status: 0, body: error.message, ms: performance.now() - started }));
    request.end(body);
  });
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function countBy<T>(items: T[], key: (item: T) => string | number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[String(key(item))] = (out[String(key(item))] ?? 0) + 1;
  return out;
}
