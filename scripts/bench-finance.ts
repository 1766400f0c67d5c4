/**
 * Finance benchmarks: `npm run bench:finance [-- --movements N] [--report-rows N] [--part reconcile|report] [--report-database URL] [--no-append]`.
 * `--report-database` plants the report part in that database instead of its own (it is dropped first).
 * Two parts, both run unless `--part` names one: one day's reconciliation (below) and a month's
 * profit report (scripts/bench/finance-report.ts: ~100,000 ledger rows, target ≤ 5 s).
 *
 * Reconciliation:
 *
 * On a database of its own (ferry_bench_finance, recreated) and a sandbox gateway of its own (a
 * child process), plants one UTC day (yesterday) of N gateway movements (default 100,000: 90%
 * charges, 10% refunds, in USD, EUR and JPY) and the ledger rows Ferry would have written for them,
 * with differences planted on purpose: a charge amount off every 2,000th movement, a gateway-only
 * charge every 3,000th, and 20 ledger rows the gateway never had. Then times
 * `ferry finance reconcile --date <day>` twice, as finance runs it: through the gateway's API
 * (1,000 pages of 100 with `source` expanded) and from the same day as an itemized settlement CSV.
 * Wall time and peak RSS come from /usr/bin/time around the CLI process (its start-up included).
 * Checks: each run ≤ 30 s and finds exactly the planted differences. Appends to docs/benchmarks.md.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { databaseFor } from '@/db/client';
import { dropDatabase, migrateDatabase } from '@/db/migrate';
import { paymentLedger } from '@/db/schema';
import { dayBounds, yesterday } from '@/lib/finance/reconcile/day';
import { toDecimalString, type IsoCurrencyCode } from '@/lib/money';
import { benchMonthReport } from './bench/finance-report';
import { appendBenchmarkSection, describeMachine, machineLines, markdownTable, stamp, verdict } from './bench/report';
import { ensureServices, onCleanup, runBench } from './bench/server';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const DB_URL = 'mysql://root@127.0.0.1:3306/ferry_bench_finance';
const SECRET = 'sk_test_ferry_bench';
const TARGET_SECONDS = 30;
const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'JPY'] as const;

type Planted = { category: 'charge' | 'refund'; amount: number; currency: string; created: number; charge: string; payment_intent: string };
type CliRun = { label: string; seconds: number; peakMiB: number; output: { matched: number; missingInLedger: unknown[]; missingInSettlement: unknown[]; amountMismatches: unknown[]; mismatchRate: number; alert: boolean } };

async function startSandbox(): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandboxes/payment-gateway/server.ts'], {
    env: { ...process.env, PORT: '0', SANDBOX_SECRET_KEY: SECRET, SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:9/none' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  onCleanup(async () => void child.kill('SIGTERM'));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`the sandbox gateway exited (${code})`)));
  });
}

async function ferryTimed(label: string, gatewayUrl: string, args: string[]): Promise<CliRun> {
  const tsx = path.resolve('node_modules/.bin/tsx');
  const { stdout, stderr } = await promisify(execFile)('/usr/bin/time', ['-f', 'BENCH_TIME %e %M', tsx, '--conditions=react-server', 'cli/ferry.ts', ...args], {
    env: { ...process.env, DATABASE_URL: DB_URL, PAYMENT_GATEWAY: 'sandbox', SANDBOX_GATEWAY_URL: gatewayUrl, SANDBOX_SECRET_KEY: SECRET, UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9' },
    maxBuffer: 256 * 1024 * 1024,
    timeout: 300_000,
  });
  const [, seconds, kb] = /BENCH_TIME ([\d.]+) (\d+)/.exec(stderr) ?? [];
  return { label, seconds: Number(seconds), peakMiB: Math.round(Number(kb) / 1024), output: JSON.parse(stdout) as CliRun['output'] };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { movements: { type: 'string', default: '100000' }, 'report-rows': { type: 'string', default: '100000' }, part: { type: 'string' }, 'no-append': { type: 'boolean', default: false }, 'report-database': { type: 'string' } },
    strict: true,
  });
  const count = Number(values.movements);
  if (!Number.isInteger(count) || count < 1000 || count > 1_000_000) throw new Error('--movements must be a whole number from 1000 to 1000000');
  const reportRows = Number(values['report-rows']);
  if (!Number.isInteger(reportRows) || reportRows < 1000 || reportRows > 1_000_000) throw new Error('--report-rows must be a whole number from 1000 to 1000000');
  if (values.part !== undefined && values.part !== 'reconcile' && values.part !== 'report') throw new Error('--part is reconcile or report');
  const startedAt = new Date();
  const machine = describeMachine();
  const freeAtStart = (spawnSync('free', ['-g'], { encoding: 'utf8' }).stdout ?? '').split('\n').find((l) => l.startsWith('Mem:'))?.replace(/\s+/g, ' ').trim() + ' (total used free shared buff/cache available, GiB)';
  await ensureServices();
  const command = `- Command: \`npm run bench:finance${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\``;
  const header = [command, ...machineLines(machine), `- \`free -g\` at start: ${freeAtStart}`];
  const reconciled = values.part === 'report' ? null : await benchReconciliation(count);
  const report = values.part === 'reconcile' ? null : await benchMonthReport(reportRows, values['report-database']);
  const title = [reconciled && `one day's reconciliation (${count.toLocaleString('en')} movements)`, report && `a month's profit report (${reportRows.toLocaleString('en')} ledger rows)`].filter(Boolean).join('; ');
  const lines = [`## ${stamp(startedAt)} — finance: ${title}`, '', ...header, ...(reconciled?.lines ?? []), ...(reconciled && report ? [''] : []), ...(report?.lines ?? [])];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!values['no-append']) appendBenchmarkSection(lines);
  return (reconciled?.pass ?? true) && (report?.pass ?? true) ? 0 : 1;
}

async function benchReconciliation(count: number): Promise<{ lines: string[]; pass: boolean }> {
  await dropDatabase(DB_URL).catch(() => undefined);
  await migrateDatabase(DB_URL);
  const db = databaseFor(DB_URL);
  const gatewayUrl = await startSandbox();
  const day = yesterday();
  const start = dayBounds(day).start.getTime() / 1000;

  // The day's movements, the ledger Ferry would hold, and the differences planted on purpose.
  const movements: Planted[] = [];
  const ledger: (typeof paymentLedger.$inferInsert)[] = [];
  let amountOff = 0;
  let gatewayOnly = 0;
  let charges = 0;
  for (let i = 0; i < count; i++) {
    const created = start + Math.floor((i * 86_400) / count);
    const isRefund = i % 10 === 9;
    const k = isRefund ? i - 5 : i;
    const currency = CURRENCIES[k % CURRENCIES.length]!;
    const charged = 1_000 + ((k * 7_919) % 50_000);
    const amount = isRefund ? Math.floor(charged / 2) : charged;
    const ids = { charge: `ch_bench_${k}`, payment_intent: `pi_bench_${k}` };
    if (!isRefund) charges++;
    const skipLedger = !isRefund && i % 3_000 === 1;
    const offBy = !isRefund && !skipLedger && i % 2_000 === 0 ? 100 : 0;
    movements.push({ category: isRefund ? 'refund' : 'charge', amount: (isRefund ? -amount : amount) + offBy, currency: currency.toLowerCase(), created, ...ids });
    if (skipLedger) gatewayOnly++;
    else {
      if (offBy) amountOff++;
      const at = new Date((created + 1) * 1000);
      ledger.push(
        isRefund
          ? { orderId: k + 1, gateway: 'sandbox', transactionId: `${ids.charge}:${amount}`, kind: 'refund', amountMinor: amount, currency, eventId: `evt_r${k}`, createdAt: at }
          : { orderId: k + 1, gateway: 'sandbox', transactionId: ids.payment_intent, kind: 'charge', amountMinor: amount, currency, eventId: `evt_c${k}`, createdAt: at },
      );
    }
  }
  const ledgerOnly = 20;
  for (let j = 0; j < ledgerOnly; j++) {
    ledger.push({ orderId: 9_000_000 + j, gateway: 'sandbox', transactionId: `pi_ledger_only_${j}`, kind: 'charge', amountMinor: 2_500, currency: 'USD', eventId: `evt_l${j}`, createdAt: new Date((start + 3_600 + j) * 1000) });
  }
  log(`planting ${movements.length} movements at the gateway and ${ledger.length} ledger rows (${charges} charges)`);
  for (let at = 0; at < movements.length; at += 10_000) {
    const response = await fetch(`${gatewayUrl}/__sandbox/balance_transactions`, { method: 'POST', body: JSON.stringify({ transactions: movements.slice(at, at + 10_000) }) });
    if (!response.ok) throw new Error(`planting failed: ${response.status} ${await response.text()}`);
  }
  for (let at = 0; at < ledger.length; at += 5_000) await db.insert(paymentLedger).values(ledger.slice(at, at + 5_000));

  // The same day as Stripe's itemized report (major units), for the file path.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-bench-finance-'));
  const file = path.join(dir, 'balance_change_from_activity.itemized.3.csv');
  const rows = movements.map((m, i) => {
    const major = (minor: number) => toDecimalString({ amountMinor: minor, currency: m.currency.toUpperCase() as IsoCurrencyCode });
    const created = new Date(m.created * 1000).toISOString().replace('T', ' ').slice(0, 19);
    return `txn_file_${i},${created},${m.currency},${major(m.amount)},0,${major(m.amount)},${m.category},${m.category === 'charge' ? m.charge : `re_bench_${i}`},"Ferry order, bench",${m.charge},${m.payment_intent}`;
  });
  await writeFile(file, ['balance_transaction_id,created_utc,currency,gross,fee,net,reporting_category,source_id,description,charge_id,payment_intent_id', ...rows].join('\n') + '\n');
  movements.length = 0;

  log(`reconciling ${day} through the gateway API`);
  const api = await ferryTimed('gateway API (balance transactions, 100 a page, source expanded)', gatewayUrl, ['finance', 'reconcile', '--date', day]);
  log(`api: ${api.seconds} s, ${api.peakMiB} MiB`);
  log(`reconciling ${day} from the settlement CSV`);
  const csv = await ferryTimed('itemized settlement CSV', gatewayUrl, ['finance', 'reconcile', '--date', day, '--file', file]);
  log(`csv: ${csv.seconds} s, ${csv.peakMiB} MiB`);

  const expected = { matched: count - gatewayOnly - amountOff, missingInLedger: gatewayOnly, missingInSettlement: ledgerOnly, amountMismatches: amountOff };
  const checks = [api, csv].flatMap((run) => [
    { name: `${run.label}: ≤ ${TARGET_SECONDS} s`, pass: run.seconds <= TARGET_SECONDS, detail: `${run.seconds} s` },
    {
      name: `${run.label}: finds exactly the planted differences`,
      pass:
        run.output.matched === expected.matched &&
        run.output.missingInLedger.length === expected.missingInLedger &&
        run.output.missingInSettlement.length === expected.missingInSettlement &&
        run.output.amountMismatches.length === expected.amountMismatches,
      detail: `matched ${run.output.matched}/${expected.matched}, missing in ledger ${run.output.missingInLedger.length}/${expected.missingInLedger}, missing in settlement ${run.output.missingInSettlement.length}/${expected.missingInSettlement}, amount mismatches ${run.output.amountMismatches.length}/${expected.amountMismatches}`,
    },
  ]);
  const lines = [
    `- Reconciliation: a database and a sandbox gateway of their own; one UTC day (${day}) of ${count.toLocaleString('en')} movements (90% charges, 10% refunds; USD, EUR, JPY) and ${ledger.length.toLocaleString('en')} ledger rows, with ${amountOff} amounts off, ${gatewayOnly} gateway-only charges and ${ledgerOnly} ledger-only rows planted. Timed: the whole \`ferry finance reconcile --date ${day}\` process (start-up, ledger read, gateway pages or CSV parse, diff, items stored), wall time and peak RSS by /usr/bin/time.`,
    '',
    ...markdownTable(
      ['source', 'wall s', 'peak RSS', 'matched', 'missing in ledger', 'missing in settlement', 'amount mismatches', 'mismatch rate', 'alert'],
      [api, csv].map((r) => [r.label, r.seconds, `${r.peakMiB} MiB`, r.output.matched, r.output.missingInLedger.length, r.output.missingInSettlement.length, r.output.amountMismatches.length, r.output.mismatchRate, String(r.output.alert)]),
    ),
    '',
    ...checks.map((c) => `- ${verdict(c.pass)} — ${c.name}: ${c.detail}`),
  ];
  await dropDatabase(DB_URL).catch(() => undefined);
  return { lines, pass: checks.every((c) => c.pass) };
}

runBench(main);
