import 'server-only';
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { walletBalances, walletEntries, type WalletEntryKind } from '@/db/schema/wallet';
import type { Executor } from '@/lib/db/executor';

export type WalletBalance = { currency: string; amountMinor: number };

/** A shopper's balances, one per currency they ever held, by currency code (zero balances included: the history explains them). */
export async function walletBalancesOf(db: Executor, userId: number): Promise<WalletBalance[]> {
  return db
    .select({ currency: walletBalances.currency, amountMinor: walletBalances.balanceMinor })
    .from(walletBalances)
    .where(eq(walletBalances.userId, userId))
    .orderBy(asc(walletBalances.currency));
}

/** One balance (0 when the shopper never held that currency). */
export async function walletBalanceIn(db: Executor, userId: number, currency: string): Promise<number> {
  const [row] = await db
    .select({ amountMinor: walletBalances.balanceMinor })
    .from(walletBalances)
    .where(and(eq(walletBalances.userId, userId), eq(walletBalances.currency, currency)));
  return row?.amountMinor ?? 0;
}

export type WalletHistoryEntry = {
  id: number;
  currency: string;
  amountMinor: number;
  kind: WalletEntryKind;
  source: string;
  note: string | null;
  actorLabel: string | null;
  createdAt: Date;
};

/** The shopper's movements, newest first, a page at a time (`before`: the last id of the previous page). */
export async function walletHistoryOf(db: Executor, userId: number, options: { limit?: number; before?: number } = {}): Promise<WalletHistoryEntry[]> {
  return db
    .select({
      id: walletEntries.id,
      currency: walletEntries.currency,
      amountMinor: walletEntries.amountMinor,
      kind: walletEntries.kind,
      source: walletEntries.source,
      note: walletEntries.note,
      actorLabel: walletEntries.actorLabel,
      createdAt: walletEntries.createdAt,
    })
    .from(walletEntries)
    .where(options.before ? and(eq(walletEntries.userId, userId), lt(walletEntries.id, options.before)) : eq(walletEntries.userId, userId))
    .orderBy(desc(walletEntries.id))
    .limit(Math.min(options.limit ?? 50, 200));
}

/** The account an email names (case-insensitive, as sign-in reads it), or null. */
export async function walletOwnerByEmail(db: Database, email: string): Promise<{ id: number; email: string; name: string | null; role: string } | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

export type BalanceMismatch = { userId: number; currency: string; cachedMinor: number; ledgerMinor: number };

/**
 * The proof that the cached balances are what the ledger says: every (user, currency) whose cached
 * balance differs from the sum of its entries, or that has entries and no cached row (or the
 * reverse). Empty when all is well. Used by the tests and the admin wallets page.
 */
export async function verifyWalletBalances(db: Executor, userId?: number): Promise<BalanceMismatch[]> {
  const sums = await db
    .select({ userId: walletEntries.userId, currency: walletEntries.currency, total: sql<string>`sum(${walletEntries.amountMinor})` })
    .from(walletEntries)
    .where(userId === undefined ? undefined : eq(walletEntries.userId, userId))
    .groupBy(walletEntries.userId, walletEntries.currency);
  const cached = await db
    .select({ userId: walletBalances.userId, currency: walletBalances.currency, balanceMinor: walletBalances.balanceMinor })
    .from(walletBalances)
    .where(userId === undefined ? undefined : eq(walletBalances.userId, userId));
  const key = (u: number, c: string) => `${u}:${c}`;
  const ledger = new Map(sums.map((row) => [key(row.userId, row.currency), Number(row.total)]));
  const mismatches: BalanceMismatch[] = [];
  for (const row of cached) {
    const k = key(row.userId, row.currency);
    const ledgerMinor = ledger.get(k) ?? 0;
    ledger.delete(k);
    if (ledgerMinor !== row.balanceMinor) mismatches.push({ userId: row.userId, currency: row.currency, cachedMinor: row.balanceMinor, ledgerMinor });
  }
  for (const [k, ledgerMinor] of ledger) {
    const [u, c] = k.split(':');
    mismatches.push({ userId: Number(u), currency: c!, cachedMinor: 0, ledgerMinor });
  }
  return mismatches;
}
