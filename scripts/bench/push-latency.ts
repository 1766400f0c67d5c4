/**
 * 1688 push latency: `benchPushLatency({ baseUrl, db, appSecret, count, concurrency })` sends
 * `count` signed stock pushes (each to its own 1688 SKU of the served database) to a running
 * Ferry at `baseUrl`, plus exact redeliveries of every 10th (same msgId: must be acknowledged as
 * duplicates) and, for every 10th, an older reading sent after the fresh one (must be ignored as
 * stale). It watches the database until every push is applied (`webhook_events.processed_at` set
 * and the SKU holding the pushed stock) and reports webhook-to-applied latency: from the moment
 * a push was sent to the moment its effect was seen committed (the database is polled every 20 ms
 * while pushes go out, so this is an upper bound).
 *
 * Standalone: `DATABASE_URL=… ALIBABA_1688_APP_SECRET=… npx tsx --conditions=react-server
 * scripts/bench/push-latency.ts --base-url http://localhost:3000 --count 1000 --concurrency 50`.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { products, skus, webhookEvents } from '@/db/schema';
import { signPush } from '@/lib/suppliers/alibaba-1688/sign';
import { formatPushTime } from '@/sandboxes/alibaba-1688/time-format';
import { burstAgent, percentile, post } from './http-post';

export type PushLatencyOptions = { baseUrl: string; db: Database; appSecret: string; count: number; concurrency: number; timeoutMs?: number };
export type PushLatencyReport = {
  sent: number;
  rejected: number;
  applied: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  duplicates: { sent: number; acknowledged: number };
  stale: { sent: number; ignored: number };
  /** SKUs whose stock is not the freshest pushed value at the end (must be 0). */
  wrongStock: number;
  seconds: number;
};

type Push = { msgId: string; body: string; skuId: number; stock: number; sentAt?: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function signedPush(secret: string, msgId: string, target: { offerId: string; sourceSkuId: string }, stock: number, bizTimeMs: number): string {
  const message = JSON.stringify({
    msgId: Number(msgId),
    gmtBorn: Date.now(),
    type: 'PRODUCT_PRODUCT_INVENTORY_CHANGE',
    bizKey: target.offerId,
    userInfo: 'b2b-ferry-bench',
    data: { OfferInventoryChangeList: [{ offerId: Number(target.offerId), offerOnSale: stock, skuId: Number(target.sourceSkuId), skuOnSale: stock, quantity: 1, bizTime: formatPushTime(bizTimeMs) }] },
  });
  return new URLSearchParams({ message, _aop_signature: signPush(message, secret) }).toString();
}

export async function benchPushLatency(options: PushLatencyOptions): Promise<PushLatencyReport> {
  const started = Date.now();
  const targets = await options.db
    .select({ skuId: skus.id, sourceSkuId: skus.sourceSkuId, stock: skus.stock, heldAt: skus.stockSourceAt, offerId: products.sourceId })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(eq(products.platform, '1688'))
    .orderBy(asc(skus.id))
    .limit(options.count);
  if (targets.length === 0) throw new Error('no 1688 SKUs in this database');
  const base = Date.now() * 1000;
  const fresh: Push[] = [];
  const later: { push: Push; kind: 'duplicate' | 'stale' }[] = [];
  targets.forEach((t, i) => {
    // bizTime has whole seconds: start on the second after both now and what the SKU holds.
    const bizTime = Math.ceil((Math.max(Date.now(), (t.heldAt?.getTime() ?? 0) + 1000) + 1) / 1000) * 1000;
    const stock = (t.stock + 1 + (i % 7)) % 100_000;
    const msgId = String(base + i * 2);
    const push = { msgId, body: signedPush(options.appSecret, msgId, t, stock, bizTime), skuId: t.skuId, stock };
    fresh.push(push);
    if (i % 10 === 3) later.push({ push, kind: 'duplicate' });
    if (i % 10 === 7) {
      const staleId = String(base + i * 2 + 1);
      later.push({ push: { msgId: staleId, body: signedPush(options.appSecret, staleId, t, stock + 500, bizTime - 60_000), skuId: t.skuId, stock }, kind: 'stale' });
    }
  });

  const agent = burstAgent(options.concurrency);
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/webhooks/1688`;
  const headers = { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' };
  let rejected = 0;
  let acknowledged = 0;
  // A redelivery or an older reading of a SKU goes out only once its fresh push was answered,
  // so "duplicate" and "stale" are what Ferry must conclude, not accidents of arrival order.
  const answered = new Map<number, { promise: Promise<void>; resolve: () => void }>();
  for (const push of fresh) {
    let resolve!: () => void;
    answered.set(push.skuId, { promise: new Promise<void>((r) => (resolve = r)), resolve });
  }
  const queue = [...fresh.map((push) => ({ push, kind: 'fresh' as const })), ...later];
  // The watcher runs while pushes are still going out: an effect is timed when it is first seen,
  // not when the last push has been sent.
  const appliedAt = new Map<string, number>();
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const byMsg = new Map(fresh.map((p) => [p.msgId, p]));
  let isSending = true;
  const watcher = (async () => {
    while ((isSending || appliedAt.size < fresh.length) && Date.now() < deadline) {
      const waiting = fresh.filter((p) => p.sentAt !== undefined && !appliedAt.has(p.msgId)).map((p) => p.msgId);
      for (let i = 0; i < waiting.length; i += 1000) {
        const rows = await options.db
          .select({ msgId: webhookEvents.eventId })
          .from(webhookEvents)
          .where(and(eq(webhookEvents.source, '1688'), inArray(webhookEvents.eventId, waiting.slice(i, i + 1000)), isNotNull(webhookEvents.processedAt)));
        const seenAt = Date.now();
        for (const row of rows) appliedAt.set(row.msgId, seenAt - byMsg.get(row.msgId)!.sentAt!);
      }
      await sleep(20);
    }
  })();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        if (job.kind === 'fresh') job.push.sentAt = Date.now();
        else await answered.get(job.push.skuId)!.promise;
        const result = await post(agent, url, headers, job.push.body);
        if (job.kind === 'fresh') answered.get(job.push.skuId)!.resolve();
        if (result.status !== 200) rejected++;
        else if (job.kind === 'duplicate' && (JSON.parse(result.body) as { duplicate?: boolean }).duplicate) acknowledged++;
      }
    }),
  );
  agent.destroy();
  isSending = false;
  await watcher;

  // The older readings went out after the fresh ones: wait until they are done too, then count.
  const stales = later.filter((l) => l.kind === 'stale').map((l) => l.push.msgId);
  const staleRows = async () =>
    stales.length
      ? options.db.select({ error: webhookEvents.error }).from(webhookEvents).where(and(eq(webhookEvents.source, '1688'), inArray(webhookEvents.eventId, stales), isNotNull(webhookEvents.processedAt)))
      : [];
  let processedStale = await staleRows();
  while (processedStale.length < stales.length && Date.now() < deadline) {
    await sleep(20);
    processedStale = await staleRows();
  }
  const ignored = processedStale.filter((r) => r.error === 'ignored: stale');
  const final = await options.db.select({ id: skus.id, stock: skus.stock }).from(skus).where(inArray(skus.id, fresh.map((p) => p.skuId)));
  const expected = new Map(fresh.map((p) => [p.skuId, p.stock]));
  const latencies = [...appliedAt.values()];
  return {
    sent: fresh.length + later.length,
    rejected,
    applied: appliedAt.size,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: Math.max(0, ...latencies) },
    duplicates: { sent: later.length - stales.length, acknowledged },
    stale: { sent: stales.length, ignored: ignored.length },
    wrongStock: final.filter((row) => expected.get(row.id) !== row.stock).length,
    seconds: (Date.now() - started) / 1000,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'base-url': { type: 'string', default: 'http://localhost:3000' }, count: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '50' } },
    strict: true,
  });
  const db = databaseFor(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ferry');
  try {
    const report = await benchPushLatency({
      baseUrl: values['base-url']!,
      db,
      appSecret: process.env.ALIBABA_1688_APP_SECRET || 'ferry-demo-1688-secret',
      count: Number(values.count),
      concurrency: Number(values.concurrency),
    });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await closeDatabases();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`push-latency: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
