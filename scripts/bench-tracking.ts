/**
 * Tracking webhook benchmark: `npm run bench:tracking [-- --shipments N --events N --concurrency N --no-build] [--no-append]`.
 *
 * On a database of its own (ferry_bench_tracking, recreated), N shipments (5,000) each get a journey
 * of 8 carrier events. Every shipment's 8 updates (the history after 1, 2, … 8 events, as 17TRACK
 * sends them) are each delivered twice, signed, in a shuffled order across all shipments, to the
 * real route `POST /api/webhooks/tracking/17track` of a production server on 127.0.0.1, with bounded
 * concurrency. Measured: deliveries and events ingested per second; webhook-to-visible time of each
 * shipment's newest update (from its first POST to the database showing its newest event, which is
 * what the public page reads per request); regressions (a shipment not ending on its newest event).
 * Appends the results to docs/benchmarks.md; exits non-zero when a check fails.
 */
import { parseArgs } from 'node:util';
import { count, inArray } from 'drizzle-orm';
import { databaseFor } from '@/db/client';
import { dropDatabase, migrateDatabase } from '@/db/migrate';
import { shipments, trackingEvents } from '@/db/schema';
import { seedDemo } from '@/lib/demo/seed';
import { demoSecretValues } from '@/lib/demo-secrets';
import { signTrackingWebhook } from '@/lib/tracking/sign';
import { demoJourney, trackingBody } from '@/tests/support/tracking-updates';
import { appendBenchmarkSection, describeMachine, machineLines, markdownTable, stamp, verdict } from './bench/report';
import { buildForBench, ensureServices, runBench, startBenchServer } from './bench/server';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const DB_URL = 'mysql://root@127.0.0.1:3306/ferry_bench_tracking';
const KEY = demoSecretValues.TRACKING_17TRACK_KEY;

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);

function shuffle<T>(items: T[], seed = 42): T[] {
  let s = seed;
  const random = () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { shipments: { type: 'string', default: '5000' }, concurrency: { type: 'string', default: '32' }, 'no-build': { type: 'boolean', default: false }, 'no-append': { type: 'boolean', default: false } },
    strict: true,
  });
  const total = Number(values.shipments);
  const concurrency = Number(values.concurrency);
  const EVENTS = 8;
  await ensureServices();
  log(`database ${DB_URL}`);
  await dropDatabase(DB_URL).catch(() => undefined);
  await migrateDatabase(DB_URL);
  const db = databaseFor(DB_URL);
  // The production build renders against this database, so it holds a small demo catalog (as
  // bench:checkout does): the benchmark needs no other database on the machine.
  await seedDemo(db, { count: 20, mediaDir: 'var/bench/media' });
  process.env.DATABASE_URL = DB_URL;
  const numbers = Array.from({ length: total }, (_, i) => `LX${String(10_000_000 + i)}0CN`);
  for (let i = 0; i < total; i += 1000) {
    await db.insert(shipments).values(numbers.slice(i, i + 1000).map((number) => ({ number, carrier: 'china-post', country: 'JP', registeredAt: new Date() })));
  }
  const journeys = numbers.map((_, i) => demoJourney(new Date(Date.UTC(2025, 2, 1) + (i % 1000) * 60_000).toISOString()));
  const deliveries = shuffle(numbers.flatMap((number, i) => Array.from({ length: EVENTS * 2 }, (_, k) => ({ number, i, upTo: (k % EVENTS) + 1 }))));

  log(`build: ${await buildForBench(values['no-build'])}`);
  // The bench server runs no periodic jobs: only the route's own after() applies what arrives.
  const server = await startBenchServer(undefined, { DATABASE_URL: DB_URL, FERRY_JOBS_INTERVAL_SECONDS: '0', TRACKING_17TRACK_KEY: KEY });
  const url = `${server.baseUrl}/api/webhooks/tracking/17track`;

  const firstNewestPost = new Map<string, number>();
  const visibleAt = new Map<string, number>();
  const newestAt = new Map(numbers.map((n, i) => [n, Date.parse(journeys[i]![EVENTS - 1]!.at)]));
  let statusCounts: Record<number, number> = {};
  let isSending = true;
  let lastSend = performance.now();
  // One poller: which shipments whose newest update was posted show it in the database now.
  const poller = (async () => {
    while (isSending || visibleAt.size < firstNewestPost.size) {
      const waiting = [...firstNewestPost.keys()].filter((n) => !visibleAt.has(n)).slice(0, 2000);
      if (waiting.length > 0) {
        const rows = await db.select({ number: shipments.number, latestEventAt: shipments.latestEventAt }).from(shipments).where(inArray(shipments.number, waiting));
        const now = performance.now();
        for (const row of rows) if (row.latestEventAt && row.latestEventAt.getTime() >= newestAt.get(row.number)!) visibleAt.set(row.number, now);
      }
      await new Promise((r) => setTimeout(r, 20));
      if (!isSending && performance.now() - lastSend > 30_000) break;
    }
  })();
  const started = performance.now();
  let next = 0;
  let failures = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < deliveries.length) {
        const d = deliveries[next++]!;
        const body = trackingBody(d.number, journeys[d.i]!, d.upTo);
        if (d.upTo === EVENTS && !firstNewestPost.has(d.number)) firstNewestPost.set(d.number, performance.now());
        const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', sign: signTrackingWebhook(body, KEY) }, body });
        await response.arrayBuffer();
        statusCounts = { ...statusCounts, [response.status]: (statusCounts[response.status] ?? 0) + 1 };
        if (response.status !== 200) failures++;
        lastSend = performance.now();
      }
    }),
  );
  const sentSeconds = (performance.now() - started) / 1000;
  isSending = false;
  await poller;
  const allVisibleSeconds = (Math.max(...visibleAt.values()) - started) / 1000;
  await server.stop();

  const latencies = [...firstNewestPost].filter(([n]) => visibleAt.has(n)).map(([n, t]) => visibleAt.get(n)! - t).sort((a, b) => a - b);
  const [eventRows] = await db.select({ n: count() }).from(trackingEvents);
  const finals = await db.select({ number: shipments.number, status: shipments.status, latestEventAt: shipments.latestEventAt }).from(shipments);
  const regressions = finals.filter((s) => s.status !== 'Delivered' || s.latestEventAt?.getTime() !== newestAt.get(s.number)).length;
  const eventsPerSecond = Math.round(eventRows!.n / allVisibleSeconds);
  const checks = [
    { name: 'every delivery answered 200', pass: failures === 0, detail: JSON.stringify(statusCounts) },
    { name: 'every event stored once', pass: eventRows!.n === total * EVENTS, detail: `${eventRows!.n} of ${total * EVENTS}` },
    { name: 'no regression (each shipment ends on its newest event, Delivered)', pass: regressions === 0, detail: `${regressions} regressions` },
    { name: 'webhook-to-visible p99 < 1 s', pass: percentile(latencies, 99) < 1000 && latencies.length === total, detail: `${Math.round(percentile(latencies, 99))} ms over ${latencies.length} shipments` },
  ];
  const lines = [
    `## Tracking webhooks (${stamp()})`,
    '',
    `Command: \`npm run bench:tracking -- --shipments ${total} --concurrency ${concurrency}\`. ${total} shipments × ${EVENTS} events; each shipment's ${EVENTS} updates delivered twice (${deliveries.length} signed POSTs), shuffled across shipments, to \`POST /api/webhooks/tracking/17track\` of a production server on 127.0.0.1 (the route stores, answers, then applies in after(); no periodic jobs).`,
    '',
    ...machineLines(describeMachine()),
    '',
    ...markdownTable(
      ['measure', 'value'],
      [
        ['deliveries / s (POSTs answered)', Math.round(deliveries.length / sentSeconds)],
        ['events ingested / s (stored event rows, until all visible)', eventsPerSecond],
        ['all deliveries sent (s)', sentSeconds.toFixed(1)],
        ['webhook-to-visible p50 (ms)', Math.round(percentile(latencies, 50))],
        ['webhook-to-visible p99 (ms)', Math.round(percentile(latencies, 99))],
        ['webhook-to-visible max (ms)', Math.round(latencies.at(-1) ?? 0)],
        ['regressions', regressions],
      ],
    ),
    '',
    ...markdownTable(['check', 'result', 'detail'], checks.map((c) => [c.name, verdict(c.pass), c.detail])),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (!values['no-append']) appendBenchmarkSection(lines);
  return checks.every((c) => c.pass) ? 0 : 1;
}

runBench(main);
