import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { seedDemo } from '@/lib/demo/seed';
import { resetConnectors } from '@/lib/suppliers/registry';
import { startBridge, type Bridge } from '@/sandboxes/upstash-bridge/bridge';
import { benchPushLatency } from '@/scripts/bench/push-latency';
import { createTestDatabase } from '../support/test-database';

// The bench helper against the real route handler behind a plain node:http server that runs
// `after()` callbacks once it has answered (what `next start` does), so the helper itself is
// tested here; the numbers for docs come from running it against `next start`.
const hooks = vi.hoisted(() => ({ after: [] as (() => Promise<void>)[] }));
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: (task: () => Promise<void>) => void hooks.after.push(task),
}));
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), revalidateTag: () => undefined }));

const { POST } = await import('@/app/api/webhooks/1688/route');

const SECRET = 'ferry-test-1688-secret';
const TOKEN = 'push-bench-redis-token';
let db: Database;
let drop: () => Promise<void>;
let bridge: Bridge;
let server: http.Server;
const running = new Set<Promise<void>>();
const saved = { ...process.env };

beforeAll(async () => {
  const database = await createTestDatabase('ferry_test_push_bench');
  db = database.db;
  drop = database.drop;
  await seedDemo(db, { count: 30, mediaDir: await mkdtemp(path.join(os.tmpdir(), 'ferry-media-')) });
  bridge = await startBridge({ port: 0, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', token: TOKEN });
  Object.assign(process.env, { DATABASE_URL: database.url, UPSTASH_REDIS_REST_URL: bridge.url, UPSTASH_REDIS_REST_TOKEN: TOKEN, ALIBABA_1688_APP_SECRET: SECRET });
  resetConnectors();
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const response = await POST(new Request('http://ferry.test/api/webhooks/1688', { method: 'POST', headers: { 'content-type': String(req.headers['content-type']) }, body }));
      res.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text());
      for (const task of hooks.after.splice(0)) {
        const run = task().finally(() => running.delete(run));
        running.add(run);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await Promise.all(running);
  await bridge?.close();
  await drop?.();
  process.env = saved;
  resetConnectors();
});

it('sends a storm of signed pushes and reports every one applied, duplicates acknowledged, stale ones ignored', async () => {
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const report = await benchPushLatency({ baseUrl, db, appSecret: SECRET, count: 200, concurrency: 20, timeoutMs: 20_000 });
  expect(report).toMatchObject({ rejected: 0, applied: 200, duplicates: { sent: 20, acknowledged: 20 }, stale: { sent: 20, ignored: 20 }, wrongStock: 0 });
  expect(report.sent).toBe(240);
  expect(report.latencyMs.p50).toBeGreaterThan(0);
  expect(report.latencyMs.p99).toBeGreaterThanOrEqual(report.latencyMs.p50);
  expect(report.latencyMs.p99).toBeLessThan(5000);
});
