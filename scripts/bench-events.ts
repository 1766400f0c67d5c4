/**
 * Event relay benchmark: `npm run bench:events [-- --rate N --seconds N --burst N --relays N] [--no-append]`.
 *
 * On a database of its own (ferry_bench_events, recreated), writers append outbox events the way
 * order transitions do (one transaction per event, 400 subjects, 50 writers at once) while
 * `--relays` relays run side by side, each polling every second as a server's relay does and
 * running at once when it found work. Two phases: a steady `--rate` events per second for
 * `--seconds` (far above a shopping agent's day), then a `--burst` written all at once (a backlog
 * after an outage), whose drain rate is the relay's throughput. Three subscribers: `fast` (no I/O), `mail` (5 ms per
 * delivery, like an SMTP hand-off) and `flaky` (its first attempt at every 10th event fails).
 * Measured: deliveries per second, event commit → delivered latency per subscriber, and the cost
 * the relay adds to a writer's transaction. Checks: every event delivered to every subscriber of
 * its type exactly once, each subject's events in order, nothing dead, and in the steady phase a p99
 * of `fast` under 2 s.
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
    options: {
      rate: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '20' },
      burst: { type: 'string', default: '5000' },
      relays: { type: 'string', default: '2' },
      'no-append': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  const burst = Number(values.burst);
  const relays = Number(values.relays);
  if (!Number.isInteger(rate) || rate < 1 || rate > 1000) throw new Error('--rate must be a whole number of events per second from 1 to 1000');
  if (!Number.isInteger(seconds) || seconds < 5 || seconds > 600) throw new Error('--seconds must be a whole number from 5 to 600');
  if (!Number.isInteger(burst) || burst < 100 || burst > 100_000) throw new Error('--burst must be a whole number from 100 to 100000');
  if (!Number.isInteger(relays) || relays < 1 || relays > 8) throw new Error('--relays must be a whole number from 1 to 8');
  const startedAt = new Date();
  const machine = describeMachine();
  await ensureServices();
  await dropDatabase(DB_URL).catch(() => undefined);
  await migrateDatabase(DB_URL);
  const db = databaseFor(DB_URL);

  const steady = await phase(db, { label: `steady ${rate}/s for ${seconds} s`, count: rate * seconds, perSecond: rate, relays });
  const flood = await phase(db, { label: `burst of ${burst}`, count: burst, perSecond: null, relays });
  const checks: Check[] = [
    ...steady.checks,
    { name: `steady: \`fast\` commit → delivered p99 under 2 s`, pass: steady.fastP99 < 2_000, detail: `p99 ${steady.fastP99} ms` },
    ...flood.checks,
  ];
  const header = ['phase', 'subscriber', 'delivered', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'twice', 'missing', 'out of order'];
  const lines = [
    `## ${stamp(startedAt)} — event relay: outbox to subscribers`,
    '',
    `- Command: \`npm run bench:events${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\``,
    ...machineLines(machine),
    `- A database of its own; events over ${SUBJECTS} subjects appended by ${WRITERS} writers (one transaction each, like a transition's outbox row); ${relays} relays polling every ${POLL_MS / 1000} s and running again at once while they find work. Subscribers: \`fast\` (no I/O), \`mail\` (5 ms each, like an SMTP hand-off), \`flaky\` (its first attempt at every 10th event fails and is retried after 2.5–5 s, holding back that subject's later events for it alone)`,
    `- Latency: the event's commit → the subscriber ran. Steady: ${steady.summary}. Burst: ${flood.summary}`,
    '',
    ...markdownTable(header, [...steady.rows.map((r) => [steady.label, ...r]), ...flood.rows.map((r) => [flood.label, ...r])]),
    '',
    ...markdownTable(['check', 'result', 'detail'], checks.map((c) => [c.name, verdict(c.pass), c.detail])),
  ];
  if (!values['no-append']) appendBenchmarkSection(lines);
  process.stdout.write(`${lines.join('\n')}\n`);
  await dropDatabase(DB_URL).catch(() => undefined);
  return checks.every((c) => c.pass) ? 0 : 1;
}

type Phase = { label: string; rows: (string | number)[][]; checks: Check[]; fastP99: number; summary: string };

/** Writes `count` events (paced at `perSecond`, or all at once) while the relays run, waits until they drain, and counts. */
async function phase(db: ReturnType<typeof databaseFor>, options: { label: string; count: number; perSecond: number | null; relays: number }): Promise<Phase> {
  const { label, count, perSecond, relays } = options;
  log(`${label}: writing ${count} events`);
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
  const [{ firstId }] = (await db.select({ firstId: sql<number>`coalesce(max(${orderEvents.id}), 0)` }).from(orderEvents)) as [{ firstId: number }];

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

  const committedAt = new Map<number, number>();
  const writeMs: number[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      for (let i = next++; i < count; i = next++) {
        // Paced: event i is due at i / perSecond seconds after the start.
        if (perSecond !== null) {
          const wait = started + (i * 1000) / perSecond - Date.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        }
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
  await Promise.all(relayLoops);
  const totalSeconds = (Date.now() - started) / 1000;

  const events = (await db.select({ id: orderEvents.id, type: orderEvents.type }).from(orderEvents).where(eq(orderEvents.subjectType, 'bench'))).filter((e) => e.id > Number(firstId));
  const rows: (string | number)[][] = [];
  const checks: Check[] = [];
  let deliveries = 0;
  let fastP99 = 0;
  for (const s of subscribers) {
    const got = seen.get(s.name)!;
    deliveries += got.length;
    const want = events.filter((e) => s.types.includes(e.type));
    const ids = new Set(got.map((g) => g.eventId));
    const duplicates = got.length - ids.size;
    const missing = want.filter((e) => !ids.has(e.id)).length;
    const lastBySubject = new Map<number, number>();
    let outOfOrder = 0;
    for (const g of got) {
      if ((lastBySubject.get(g.subjectId) ?? 0) > g.eventId) outOfOrder++;
      lastBySubject.set(g.subjectId, g.eventId);
    }
    const latency = got.map((g) => Math.max(0, g.at - (committedAt.get(g.eventId) ?? g.at))).sort((a, b) => a - b);
    if (s.name === 'fast') fastP99 = percentile(latency, 99);
    rows.push([s.name, got.length, percentile(latency, 50), percentile(latency, 95), percentile(latency, 99), latency.at(-1) ?? 0, duplicates, missing, outOfOrder]);
    checks.push({ name: `${label}: \`${s.name}\` got every event once, in order per subject`, pass: duplicates === 0 && missing === 0 && outOfOrder === 0, detail: `${got.length}/${want.length} delivered, ${duplicates} twice, ${missing} missing, ${outOfOrder} out of order` });
  }
  const [dead] = (await db.select({ n: sql<number>`count(*)` }).from(eventDeliveries).where(and(eq(eventDeliveries.status, 'dead')))) as [{ n: number }];
  checks.push({ name: `${label}: nothing dead (flaky first attempts retried)`, pass: Number(dead.n) === 0, detail: `${Number(dead.n)} dead, ${flakyTried.size} first attempts refused` });
  const writes = [...writeMs].sort((a, b) => a - b);
  const summary = `${count} events written in ${writeSeconds.toFixed(1)} s, ${deliveries} deliveries done ${totalSeconds.toFixed(1)} s after the first write (${Math.round(deliveries / totalSeconds)} per second); writers' transactions p50 ${percentile(writes, 50)} ms, p99 ${percentile(writes, 99)} ms`;
  return { label, rows, checks, fastP99, summary };
}

runBench(main);
