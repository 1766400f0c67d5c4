import 'server-only';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from '@/lib/db';
import type { Env } from '@/lib/env';
import { balanceMovements } from '@/lib/payments/balance-transactions';
import { csvRecords } from './csv-records';
import { dayBounds, utcDay, yesterday } from './day';
import { reconcileDay, type ReconcileOutput } from './reconcile-day';
import { SettlementReportError, settlementMovements } from './settlement-report';

/** Wait this long after midnight UTC before the daily job reconciles yesterday: late webhooks land first. */
const DAILY_AFTER_MS = 30 * 60_000;

const fileMovements = (path: string) => settlementMovements(csvRecords(createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 })));

/**
 * Reads the whole report once before anything is stored: a malformed file is refused with its
 * line, and a file without `--date` names its day (it must hold one UTC day's rows).
 */
export async function dayOfReport(path: string): Promise<string | null> {
  const days = new Set<string>();
  for await (const movement of fileMovements(path)) days.add(utcDay(movement.createdAt));
  if (days.size > 1) throw new SettlementReportError(`the settlement report covers ${days.size} UTC days (${[...days].sort().join(', ')}): pass --date`);
  return days.values().next().value ?? null;
}

/**
 * One reconciliation of the shop's card gateway (PAYMENT_GATEWAY) for `day`: from a settlement
 * report file, else from the gateway's balance transactions. A run that raised the alert is left
 * for the server's job to email finance (alert-finance.ts): the run row is the outbox, so a run from
 * the CLI alerts as well. `claim` skips a day already reconciled (the daily job); by hand the day is re-run.
 */
export async function runReconciliation(
  db: Database,
  env: Env,
  options: { day?: string; file?: string; mode?: 'claim' | 'replace'; now?: Date },
): Promise<{ runId: number; output: ReconcileOutput } | null> {
  const gateway = env.PAYMENT_GATEWAY;
  let day = options.day;
  if (options.file) {
    const fileDay = await dayOfReport(options.file);
    day ??= fileDay ?? undefined;
  }
  day ??= yesterday(options.now);
  const movements = options.file ? fileMovements(options.file) : balanceMovements(env, gateway, { from: dayBounds(day).start, to: dayBounds(day).end });
  const result = await reconcileDay(db, { day, gateway, source: options.file ? 'file' : 'api', movements, fileName: options.file ? basename(options.file) : undefined, mode: options.mode });
  return result ? { runId: result.runId, output: result.output } : null;
}

/** The daily job: yesterday from the gateway's API, once (a unique run row per day), half an hour after midnight UTC. */
export async function runDailyReconciliation(db: Database, env: Env, now = new Date()): Promise<{ day: string; output: ReconcileOutput } | null> {
  const midnight = dayBounds(utcDay(now)).start;
  if (now.getTime() - midnight.getTime() < DAILY_AFTER_MS) return null;
  if (env.PAYMENT_GATEWAY === 'stripe' && !env.STRIPE_SECRET_KEY) return null;
  const day = yesterday(now);
  const result = await runReconciliation(db, env, { day, mode: 'claim', now });
  return result ? { day, output: result.output } : null;
}
