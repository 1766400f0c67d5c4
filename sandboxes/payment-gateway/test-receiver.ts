import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A webhook endpoint for tests: records every request, answers with whatever `respond` decides. */
export type ReceivedWebhook = {
  body: string;
  signature: string;
  contentType: string;
  at: number;
  event: { id: string; type: string; data: { object: Record<string, unknown> } };
};

type Respond = (request: ReceivedWebhook, index: number) => number | 'drop' | Promise<number | 'drop'>;

export type TestReceiver = {
  url: string;
  received: ReceivedWebhook[];
  /** Highest number of requests carrying the same event id that were in flight at once. */
  maxConcurrentPerEvent(): number;
  waitFor(predicate: (received: ReceivedWebhook[]) => boolean, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
};

export async function startTestReceiver(respond: Respond = () => 200): Promise<TestReceiver> {
  const received: ReceivedWebhook[] = [];
  const inFlight = new Map<string, number>();
  let maxConcurrent = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: ReceivedWebhook = {
        body,
        signature: String(req.headers['stripe-signature'] ?? ''),
        contentType: String(req.headers['content-type'] ?? ''),
        at: Date.now(),
        event: JSON.parse(body) as ReceivedWebhook['event'],
      };
      const index = received.push(request) - 1;
      const count = (inFlight.get(request.event.id) ?? 0) + 1;
      inFlight.set(request.event.id, count);
      maxConcurrent = Math.max(maxConcurrent, count);
      const answer = await respond(request, index);
      inFlight.set(request.event.id, (inFlight.get(request.event.id) ?? 1) - 1);
      if (answer === 'drop') return void req.socket.destroy();
      res.writeHead(answer, { 'Content-Type': 'application/json' }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/payments/sandbox`,
    received,
    maxConcurrentPerEvent: () => maxConcurrent,
    async waitFor(predicate, timeoutMs = 3_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for webhooks; got ${received.map((r) => r.event.type).join(', ') || 'none'}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
