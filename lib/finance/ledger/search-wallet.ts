import 'server-only';
import { and, count, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { ActorType } from '@/db/schema/orders';
import { users } from '@/db/schema/accounts';
import { orders } from '@/db/schema/orders';
import { walletEntries, type WalletEntryKind } from '@/db/schema/wallet';
import { orderNumberPattern } from '@/lib/orders/order-number';
import { LEDGER_PAGE_SIZE, type LedgerFilters } from './filters';
import { accountIdByEmail, dayConditions, escapeLike } from './conditions';

export type WalletMovement = {
  id: number;
  createdAt: Date;
  kind: WalletEntryKind;
  userId: number;
  email: string;
  currency: string;
  /** Signed: credits positive, debits negative. */
  amountMinor: number;
  source: string;
  note: string | null;
  actorType: ActorType;
  actorLabel: string | null;
  /** The note names an order (refunds and spends carry the order's number): its admin page exists. */
  isOrderNote: boolean;
};

/** Per currency, the filtered entries' count, credits, debits (negative) and net. */
export type WalletTotals = { currency: string; rows: number; creditsMinor: number; debitsMinor: number; netMinor: number };

export type WalletSearch = { rows: WalletMovement[]; total: number; totals: WalletTotals[] };

/**
 * wallet_entries matching the filters, newest first, a page at a time, with the count and
 * per-currency totals of all the matching entries. An order's wallet movements (refunds to the
 * wallet, spends on its price differences and services) carry its number as their note, which is
 * what the order filter matches. The caller checks `wallet:read`.
 */
export async function searchWallet(db: Database, filters: LedgerFilters): Promise<WalletSearch> {
  const conditions: SQL[] = dayConditions(walletEntries.createdAt, filters);
  if (filters.email) conditions.push(eq(walletEntries.userId, (await accountIdByEmail(db, filters.email)) ?? 0));
  if (filters.order) conditions.push(eq(walletEntries.note, filters.order));
  if (filters.kind) conditions.push(eq(walletEntries.kind, filters.kind as WalletEntryKind));
  if (filters.currency) conditions.push(eq(walletEntries.currency, filters.currency));
  if (filters.source) conditions.push(like(walletEntries.source, `${escapeLike(filters.source)}%`));
  const where = conditions.length ? and(...conditions) : undefined;

  const [rows, grouped] = await Promise.all([
    db
      .select({
        id: walletEntries.id,
        createdAt: walletEntries.createdAt,
        kind: walletEntries.kind,
        userId: walletEntries.userId,
        email: users.email,
        currency: walletEntries.currency,
        amountMinor: walletEntries.amountMinor,
        source: walletEntries.source,
        note: walletEntries.note,
        actorType: walletEntries.actorType,
        actorLabel: walletEntries.actorLabel,
      })
      .from(walletEntries)
      .innerJoin(users, eq(users.id, walletEntries.userId))
      .where(where)
      .orderBy(desc(walletEntries.createdAt), desc(walletEntries.id))
      .limit(LEDGER_PAGE_SIZE)
      .offset((filters.page - 1) * LEDGER_PAGE_SIZE),
    db
      .select({
        currency: walletEntries.currency,
        n: count(),
        credits: sql<string>`coalesce(sum(case when ${walletEntries.amountMinor} > 0 then ${walletEntries.amountMinor} end), 0)`,
        debits: sql<string>`coalesce(sum(case when ${walletEntries.amountMinor} < 0 then ${walletEntries.amountMinor} end), 0)`,
      })
      .from(walletEntries)
      .where(where)
      .groupBy(walletEntries.currency),
  ]);

  const notes = [...new Set(rows.map((r) => r.note).filter((n): n is string => n !== null && orderNumberPattern.test(n)))];
  const known = notes.length ? new Set((await db.select({ number: orders.number }).from(orders).where(inArray(orders.number, notes))).map((o) => o.number)) : new Set<string>();
  const totals = grouped
    .map((g) => ({ currency: g.currency, rows: Number(g.n), creditsMinor: Number(g.credits), debitsMinor: Number(g.debits), netMinor: Number(g.credits) + Number(g.debits) }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
  return {
    rows: rows.map((r) => ({ ...r, actorType: r.actorType as ActorType, isOrderNote: r.note !== null && known.has(r.note) })),
    total: totals.reduce((n, t) => n + t.rows, 0),
    totals,
  };
}
