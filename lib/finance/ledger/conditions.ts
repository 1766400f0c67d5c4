import 'server-only';
import { eq, gte, lt, type Column, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { rangeBounds } from '@/lib/finance/reports/period';
import type { LedgerFilters } from './filters';

/** A LIKE prefix matches the typed text literally (`%` and `_` are not wildcards here). */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The account an email names (stored lower case, unique), or null. */
export async function accountIdByEmail(db: Database, email: string): Promise<number | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id ?? null;
}

/** The UTC-day range on a time column: [from 00:00 UTC, the day after `to` 00:00 UTC). */
export function dayConditions(column: Column, filters: Pick<LedgerFilters, 'from' | 'to'>): SQL[] {
  const conditions: SQL[] = [];
  if (filters.from) conditions.push(gte(column, rangeBounds({ from: filters.from, to: filters.from }).start));
  if (filters.to) conditions.push(lt(column, rangeBounds({ from: filters.to, to: filters.to }).end));
  return conditions;
}
