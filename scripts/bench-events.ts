/**
 * Event relay benchmark: `npm run bench:events [-- --events N] [--relays N] [--no-append]`.
 *
 * On a database of its own (ferry_bench_events, recreated), writers append outbox events the way
 * order transitions do (one transaction per event, 400 subjects, 50 writers at once) while
 * `--relays` relays run side by side, each polling every second as a server's relay does and
 * running at once when it found work. Three subscribers: `fast` (no I/O), `mail` (5 ms per
 * delivery, like an SMTP hand-off) and `flaky` (its first attempt at every 10th event fails).
 * Measured: deliveries per second, event commit → delivered latency per subscriber, and the cost
 * the relay adds to a writer's transaction. Checks: every event delivered to every subscriber of
 * its type exactly once, each subject's events in order, nothing dead, p99 of `fast` under 2 s.
 * Appends the results to docs/benchmarks.md; exits non-zero when a check fails.
 */
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { databaseFor } from '@/db/client';
import { dropDatabase, migrateDatabase } from '@/db/migrate';
import { eventDeliveries, orderEvents } from '@/db/schema';
import { runRelay } from '@/lib/events/relay';
import type { Subscriber } from '@/lib/events/subscriber';
import { appendBenchmarkSection, describeMachine, machineLines, markdownTable, stamp, verdict } from './bench/report';
import { ensureServices, runBench } from './bench/server';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const DB_URL = 'mysql://root@127.0.0.1:3306/ferry_bench_events';
const SUBJECTS = 400;
const WRITERS = 50;
const POLL_MS = 1_000;

type Check = { name: string; pass: boolean; detail: string };

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { events: { type: 'string', default: '5000' }, relays: { type: 'string', default: '2' }, 'no-append': { type: 'boolean', default: false } },
    strict: true,
  });
  const total = Number(values.events);
  const relays = Number(values.relays);
  if (!Number.isInteger(total) || total < 100 || total > 100_000) throw new Error('--events must be a whole number from 100 to 100000');
  if (!Number.isInteger(relays) || relays < 1 || relays > 8) throw new Error('--relays must be a whole number from 1 to 8');
  const startedAt = new Date();
  const machine = describeMachine();
  await ensureServices();
  await dropDatabase(DB_URL).catch(() => undefined);
  await migrateDatabase(DB_URL);
  const db = databaseFor(DB_URL);

  // What each subscriber saw, in order, and when.
  const seen = new Map<string, { eventId: number; subjectId: number; at: number }[]>();
  const flakyTried = new Set<number>();
  const record = (name: string, event: { id: number; subjectId: number }): void => {
    seen.get(name)!.push({ eventId: event.id, subjectId: event.subjectId, at: Date.now() });
  };
  const subscribers: Subscriber[] = [
    { name: 'fast', types: ['bench.created', 'bench.paid'], handle: async (event) => record('fast', event) },
    {
      name: 'mail',
      types: ['bench.paid'],
      handle: async (event) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        record('mail', event);
      },
    },
    {
      name: 'flaky',
      types: ['bench.created', 'bench.paid'],
      handle: async (event) => {
        if (event.id % 10 === 0 && !flakyTried.has(event.id)) {
          flakyTried.add(event.id);
          throw new Error('first attempt refused');
        }
        record('flaky', event);
      },
    },
  ];
  for (const s of subscribers) seen.set(s.name, []);

  // Relays: each polls every second and runs again at once while it finds work.
  let isWriting = true;
  const relayLoops = Array.from({ length: relays }, async () => {
    for (;;) {
      const run = await runRelay(db, subscribers);
      const busy = run.published + run.delivered + run.failed > 0;
      if (!isWriting && !busy) {
        const [{ open }] = (await db.select({ open: sql<number>`count(*)` }).from(eventDeliveries).where(eq(eventDeliveries.status, 'pending'))) as [{ open: number }];
        if (Number(open) === 0) return;
      }
      if (!busy) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  });

  // Writers: one transaction per event, like a transition appending its outbox row.
  const committedAt = new Map<number, number>();
  const writeMs: number[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      for (let i = next++; i < total; i = next++) {
        const subjectId = (i % SUBJECTS) + 1;
        const t0 = Date.now();
        const id = await db.transaction(async (tx) => {
          const [row] = await tx.insert(orderEvents).values({ subjectType: 'bench', subjectId, type: i % 2 === 0 ? 'bench.created' : 'bench.paid', payload: { i } }).$returningId();
          return row!.id;
        });
        committedAt.set(id, Date.now());
        writeMs.push(Date.now() - t0);
      }
    }),
  );
  const writeSeconds = (Date.now() - started) / 1000;
  isWriting = false;
  log(`${total} events written in ${writeSeconds.toFixed(1)} s; waiting for the relays to drain`);
  await Promise.all(relayLoops);
  const seconds = (Date.now() - started) / 1000;

  const events = await db.select({ id: orderEvents.id, type: orderEvents.type, subjectId: orderEvents.subjectId }).from(orderEvents).where(eq(orderEvents.subjectType, 'bench'));
  const expected = (name: string) => events.filter((e) => subscribers.find((s) => s.name === name)!.types.includes(e.type));
  const checks: Check[] = [];
  const rows: (string | number)[][] = [];
  let deliveries = 0;
  for (const s of subscribers) {
    const got = seen.get(s.name)!;
    deliveries += got.length;
    const want = expected(s.name);
    const ids = got.map((g) => g.eventId);
    const duplicates = ids.length - new Set(ids).size;
    const missing = want.filter((e) => !ids.includes(e.id)).length;
    // Each subject's events reached the subscriber in event order.
    const lastBySubject = new Map<number, number>();
    let outOfOrder = 0;
    for (const g of got) {
      if ((lastBySubject.get(g.subjectId) ?? 0) > g.eventId) outOfOrder++;
      lastBySubject.set(g.subjectId, g.eventId);
    }
    const latency = got.map((g) => Math.max(0, g.at - (committedAt.get(g.eventId) ?? g.at))).sort((a, b) => a - b);
    rows.push([s.name, got.length, percentile(latency, 50), percentile(latency, 95), percentile(latency, 99), latency.at(-1) ?? 0, duplicates, missing, outOfOrder]);
    checks.push({ name: `${s.name}: every event once, in order per subject`, pass: duplicates === 0 && missing === 0 && outOfOrder === 0, detail: `${got.length}/${want.length} delivered, ${duplicates} twice, ${missing} missing, ${outOfOrder} out of order` });
    if (s.name === 'fast') checks.push({ name: 'fast: commit → delivered p99 under 2 s', pass: percentile(latency, 99) < 2_000, detail: `p99 ${percentile(latency, 99)} ms` });
  }
  const [dead] = (await db.select({ n: sql<number>`count(*)` }).from(eventDeliveries).where(and(eq(eventDeliveries.status, 'dead')))) as [{ n: number }];
  checks.push({ name: 'nothing dead (the flaky first attempts were retried)', pass: Number(dead.n) === 0, detail: `${Number(dead.n)} dead, ${flakyTried.size} first attempts refused` });
  const writes = [...writeMs].sort((a, b) => a - b);

  const lines = [
    `## ${stamp(startedAt)} — event relay: outbox to subscribers`,
    '',
    `- Command: \`npm run bench:events${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\``,
    ...machineLines(machine),
    `- ${total} events over ${SUBJECTS} subjects from ${WRITERS} writers (one transaction each), ${relays} relays polling every ${POLL_MS / 1000} s; subscribers \`fast\`, \`mail\` (5 ms each), \`flaky\` (first attempt at every 10th event fails, retried after 2.5–5 s)`,
    `- ${deliveries} deliveries in ${seconds.toFixed(1)} s (${Math.round(deliveries / seconds)} per second, including the flaky retries' backoff); writers' transaction p50 ${percentile(writes, 50)} ms, p99 ${percentile(writes, 99)} ms while the relays ran`,
    '',
    ...markdownTable(['subscriber', 'delivered', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'twice', 'missing', 'out of order'], rows),
    '',
    ...markdownTable(['check', 'result', 'detail'], checks.map((c) => [c.name, verdict(c.pass), c.detail])),
  ];
  if (!values['no-append']) appendBenchmarkSection(lines);
  process.stdout.write(`${lines.join('\n')}\n`);
  await dropDatabase(DB_URL).catch(() => undefined);
  return checks.every((c) => c.pass) ? 0 : 1;
}

runBench(main);
