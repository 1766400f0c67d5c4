import 'server-only';
import { and, eq, gte, lte } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { reconciliationRuns } from '@/db/schema';
import type { DayRange } from './period';

export type FeeDay = { runId: number; day: string; gateway: string; source: 'api' | 'file'; fees: Record<string, number> };

/**
 * Gateway fees are known to Ferry only through reconciliation: a finished run keeps the day's fee
 * total per currency (`totals[currency].feeMinor`, from the gateway's balance transactions or its
 * settlement report). A day nobody reconciled has no fee figure. When a day was reconciled both
 * ways, the API run counts (the same movements must not be counted twice).
 */
export async function feeDays(db: Database, range: DayRange): Promise<FeeDay[]> {
  const runs = await db
    .select({ id: reconciliationRuns.id, day: reconciliationRuns.day, gateway: reconciliationRuns.gateway, source: reconciliationRuns.source, totals: reconciliationRuns.totals })
    .from(reconciliationRuns)
    .where(and(eq(reconciliationRuns.status, 'done'), gte(reconciliationRuns.day, range.from), lte(reconciliationRuns.day, range.to)));
  const chosen = new Map<string, (typeof runs)[number]>();
  for (const run of runs) {
    const key = `${run.day}|${run.gateway}`;
    const held = chosen.get(key);
    if (!held || (held.source === 'file' && run.source === 'api')) chosen.set(key, run);
  }
  return [...chosen.values()]
    .map((run) => {
      const totals = run.totals ? (JSON.parse(run.totals) as Record<string, { feeMinor?: number }>) : {};
      const fees = Object.fromEntries(Object.entries(totals).map(([currency, t]) => [currency, t.feeMinor ?? 0]));
      return { runId: run.id, day: run.day, gateway: run.gateway, source: run.source, fees };
    })
    .sort((a, b) => a.day.localeCompare(b.day) || a.gateway.localeCompare(b.gateway));
}
