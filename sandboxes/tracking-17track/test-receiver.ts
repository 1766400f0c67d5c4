import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A webhook endpoint for tests: records every request, answers with whatever `respond` decides. */
export type ReceivedWebhook = {
  body: string;
  sign: string;
  contentType: string;
  at: number;
  payload: { event: string; data: { number: string; tag: string | null; track_info: { latest_status: { status: string; sub_status: string } } } };
};

type Respond = (request: ReceivedWebhook, index: number) => number | 'drop' | Promise<number | 'drop'>;

export type TestReceiver = {
  url: string;
  received: ReceivedWebhook[];
  waitFor(predicate: (received: ReceivedWebhook[]) => boolean, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
};

export async function startTestReceiver(respond: Respond = () => 200): Promise<TestReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: ReceivedWebhook = {
        body,
        sign: String(req.headers.sign ?? ''),
        contentType: String(req.headers['content-type'] ?? ''),
        at: Date.now(),
        payload: JSON.parse(body) as ReceivedWebhook['payload'],
      };
      const index = received.push(request) - 1;
      const answer = await respond(request, index);
      if (answer === 'drop') return void req.socket.destroy();
      res.writeHead(answer, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/tracking/17track`,
    received,
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for webhooks; got ${received.map((r) => `${r.payload.event}:${r.payload.data.track_info?.latest_status?.sub_status}`).join(', ') || 'none'}`);
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
