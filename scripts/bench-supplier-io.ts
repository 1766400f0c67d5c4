/**
 * Supplier I/O benchmark: `npm run bench:supplier-io [-- --no-build] [--images N] [--pushes N] [--no-append]`.
 *
 *   (a) the image pipeline against a local CDN that fails ~10 % of first requests (503, 429,
 *       connection resets, a reset half-way through the body): 10 downloads at once under a 20 MB/s
 *       token bucket, 3 retries. Checks: the measured download rate within ±10 % of the cap, and no
 *       image missing its 200 px and 800 px WebP derivatives.
 *   (b) 1688 push latency against a production build (`next start`) on its own database: signed
 *       stock pushes at 50 concurrent, a redelivery of every 10th (same msgId) and an older reading
 *       after every 10th; webhook-to-applied latency until the SKU holds the pushed stock.
 *       Checks: p99 under 1 s, every duplicate acknowledged, every stale reading ignored, no SKU
 *       left with the wrong stock.
 * Appends the results to docs/benchmarks.md; exits non-zero when a check fails.
 */
import { parseArgs } from 'node:util';
import { databaseFor } from '@/db/client';
import { dropDatabase, migrateDatabase } from '@/db/migrate';
import { seedDemo } from '@/lib/demo/seed';
import { getEnv } from '@/lib/env';
import { startBridge } from '@/sandboxes/upstash-bridge/bridge';
import { benchImagePipeline } from './bench/image-pipeline';
import { benchPushLatency } from './bench/push-latency';
import { appendBenchmarkSection, describeMachine, machineLines, markdownTable, stamp, verdict } from './bench/report';
import { benchDistDir, buildForBench, ensureServices, onCleanup, runBench, startBenchServer } from './bench/server';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const DB_URL = 'mysql://root@127.0.0.1:3306/ferry_bench_push';
const BRIDGE_TOKEN = 'ferry-bench-push-token';
const APP_SECRET = 'ferry-bench-1688-secret';
const CAP = 20_000_000;

type Check = { name: string; pass: boolean; detail: string };

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { 'no-build': { type: 'boolean', default: false }, images: { type: 'string', default: '150' }, pushes: { type: 'string', default: '1000' }, 'no-append': { type: 'boolean', default: false } },
    strict: true,
  });
  const images = Number(values.images);
  const pushes = Number(values.pushes);
  if (!Number.isInteger(images) || images < 10 || images > 3000) throw new Error('--images must be a whole number from 10 to 3000');
  if (!Number.isInteger(pushes) || pushes < 50 || pushes > 5000) throw new Error('--pushes must be a whole number from 50 to 5000');
  const startedAt = new Date();
  const machine = describeMachine();
  await ensureServices();
  const checks: Check[] = [];

  log(`image pipeline: ${images} originals, cap ${CAP / 1e6} MB/s, ~10% transient failures`);
  const img = await benchImagePipeline({ images, capBytesPerSecond: CAP, concurrency: 10, transientFailureRate: 0.1 });
  checks.push({ name: '(a) download rate within ±10% of the cap', pass: Math.abs(img.deviationPercent) <= 10, detail: `${(img.bytesPerSecond / 1e6).toFixed(2)} MB/s against ${CAP / 1e6} MB/s (${img.deviationPercent >= 0 ? '+' : ''}${img.deviationPercent.toFixed(1)}%), ${(img.bytes / 1e6).toFixed(0)} MB in ${img.seconds.toFixed(1)} s` });
  checks.push({ name: '(a) no image missing after transient failures', pass: img.missing === 0 && img.ready === img.images, detail: `${img.ready}/${img.images} ready, ${img.retries} retries over ${img.attempts} attempts, peak ${img.peakConcurrent} downloads at once` });

  log('push latency: database ferry_bench_push (recreated), 1,200 products');
  await dropDatabase(DB_URL).catch(() => undefined);
  await migrateDatabase(DB_URL);
  const db = databaseFor(DB_URL);
  await seedDemo(db, { count: Math.max(200, Math.ceil(pushes * 1.2)), mediaDir: 'var/bench/media' });
  const bridge = await startBridge({ port: 0, redisUrl: getEnv().REDIS_URL, token: BRIDGE_TOKEN });
  onCleanup(() => bridge.close());
  process.env.DATABASE_URL = DB_URL;
  log(`build into ${benchDistDir}`);
  await buildForBench(values['no-build'] === true);
  const server = await startBenchServer(undefined, {
    DATABASE_URL: DB_URL,
    UPSTASH_REDIS_REST_URL: bridge.url,
    UPSTASH_REDIS_REST_TOKEN: BRIDGE_TOKEN,
    ALIBABA_1688_APP_SECRET: APP_SECRET,
    // No marketplace behind this server: nothing to buy or poll, only pushes to apply.
    PURCHASING_AUTO: '0',
    UPSTREAM_POLL_MINUTES: '0',
    FERRY_JOBS_INTERVAL_SECONDS: '2',
  });
  const push = await benchPushLatency({ baseUrl: server.baseUrl, db, appSecret: APP_SECRET, count: pushes, concurrency: 50 });
  checks.push({ name: '(b) webhook-to-applied p99 under 1 s', pass: push.latencyMs.p99 < 1000 && push.applied === pushes, detail: `p50 ${push.latencyMs.p50} ms, p95 ${push.latencyMs.p95} ms, p99 ${push.latencyMs.p99} ms, max ${push.latencyMs.max} ms; ${push.applied}/${pushes} applied; ${push.sent} deliveries in ${push.seconds.toFixed(1)} s` });
  checks.push({ name: '(b) duplicates acknowledged, applied once', pass: push.duplicates.acknowledged === push.duplicates.sent, detail: `${push.duplicates.acknowledged}/${push.duplicates.sent}` });
  checks.push({ name: '(b) stale readings ignored, stock right', pass: push.stale.ignored === push.stale.sent && push.wrongStock === 0 && push.rejected === 0, detail: `${push.stale.ignored}/${push.stale.sent} stale ignored, ${push.wrongStock} SKUs wrong, ${push.rejected} deliveries refused` });
  await server.stop();

  const lines = [
    `## ${stamp(startedAt)} — supplier I/O: image pipeline under a bandwidth cap, 1688 push latency`,
    '',
    `- Command: \`npm run bench:supplier-io${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\``,
    ...machineLines(machine),
    `- (a) ${images} noisy 2000 px JPEG originals (~3.4 MB) from a local HTTP server; lib/media fetcher (10 at once, ${CAP / 1e6} MB/s token bucket, 3 retries) and sharp derivatives on local disk`,
    `- (b) \`next start\` (production build) with its own database and Redis bridge; ${pushes} signed PRODUCT_PRODUCT_INVENTORY_CHANGE pushes at 50 concurrent, plus redeliveries and older readings`,
    '',
    ...markdownTable(['check', 'result', 'detail'], checks.map((c) => [c.name, verdict(c.pass), c.detail])),
  ];
  if (!values['no-append']) appendBenchmarkSection(lines);
  process.stdout.write(`${lines.join('\n')}\n`);
  return checks.every((c) => c.pass) ? 0 : 1;
}

runBench(main);
