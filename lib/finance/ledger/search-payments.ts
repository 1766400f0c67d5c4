import 'server-only';
import { and, count, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { orders } from '@/db/schema/orders';
import { paymentLedger, type LedgerKind } from '@/db/schema/payments';
import { accountIdByEmail, dayConditions, escapeLike } from './conditions';
import { LEDGER_PAGE_SIZE, type LedgerFilters, type LedgerStatus } from './filters';

export type PaymentMovement = {
  id: number;
  createdAt: Date;
  kind: LedgerKind;
  status: LedgerStatus;
  flagReason: string | null;
  gateway: string;
  transactionId: string;
  amountMinor: number;
  currency: string;
  /** The same amount in CNY, converted once when the row was written (null when no rate was known). */
  cnyMinor: number | null;
  /** The order's number, or null for money that belongs to no order (a wallet top-up). */
  orderNumber: string | null;
  /** The shopper: the row's own (a top-up's) or the order's account, else the order's contact email. */
  userId: number | null;
  email: string | null;
};

/** Per currency, the filtered rows' count and sum of each kind. */
export type PaymentTotals = { currency: string; rows: number; byKind: Record<LedgerKind, number> };

export type PaymentSearch = { rows: PaymentMovement[]; total: number; totals: PaymentTotals[] };

/**
 * payment_ledger rows matching the filters, newest first (UTC time, then id), a page at a time,
 * with the count and per-currency totals of all the matching rows (one GROUP BY). Each row carries
 * its order's number and its shopper, for the links. The caller checks `payments:read`.
 */
export async function searchPayments(db: Database, filters: LedgerFilters): Promise<PaymentSearch> {
  const owner = sql`coalesce(${paymentLedger.userId}, ${orders.userId})`;
  const conditions: SQL[] = dayConditions(paymentLedger.createdAt, filters);
  if (filters.order) conditions.push(eq(orders.number, filters.order));
  if (filters.email) {
    const accountId = await accountIdByEmail(db, filters.email);
    conditions.push(accountId === null ? eq(orders.email, filters.email) : or(eq(paymentLedger.userId, accountId), eq(orders.userId, accountId), eq(orders.email, filters.email))!);
  }
  if (filters.kind) conditions.push(eq(paymentLedger.kind, filters.kind as LedgerKind));
  if (filters.gateway) conditions.push(eq(paymentLedger.gateway, filters.gateway));
  if (filters.status) conditions.push(eq(paymentLedger.status, filters.status));
  if (filters.currency) conditions.push(eq(paymentLedger.currency, filters.currency));
  if (filters.tx) conditions.push(like(paymentLedger.transactionId, `${escapeLike(filters.tx)}%`));
  const where = conditions.length ? and(...conditions) : undefined;

  const [rows, grouped] = await Promise.all([
    db
      .select({
        id: paymentLedger.id,
        createdAt: paymentLedger.createdAt,
        kind: paymentLedger.kind,
        status: paymentLedger.status,
        flagReason: paymentLedger.flagReason,
        gateway: paymentLedger.gateway,
        transactionId: paymentLedger.transactionId,
        amountMinor: paymentLedger.amountMinor,
        currency: paymentLedger.currency,
        cnyMinor: paymentLedger.cnyMinor,
        orderNumber: orders.number,
        userId: sql<number | null>`${owner}`.mapWith((v) => (v === null ? null : Number(v))),
        accountEmail: users.email,
        orderEmail: orders.email,
      })
      .from(paymentLedger)
      .leftJoin(orders, eq(orders.id, paymentLedger.orderId))
      .leftJoin(users, eq(users.id, owner))
      .where(where)
      .orderBy(desc(paymentLedger.createdAt), desc(paymentLedger.id))
      .limit(LEDGER_PAGE_SIZE)
      .offset((filters.page - 1) * LEDGER_PAGE_SIZE),
    db
      .select({ currency: paymentLedger.currency, kind: paymentLedger.kind, n: count(), sum: sql<string>`sum(${paymentLedger.amountMinor})` })
      .from(paymentLedger)
      .leftJoin(orders, eq(orders.id, paymentLedger.orderId))
      .where(where)
      .groupBy(paymentLedger.currency, paymentLedger.kind),
  ]);

  const totals = new Map<string, PaymentTotals>();
  for (const g of grouped) {
    const entry = totals.get(g.currency) ?? { currency: g.currency, rows: 0, byKind: { charge: 0, refund: 0, failure: 0, cod_due: 0 } };
    entry.rows += Number(g.n);
    entry.byKind[g.kind] += Number(g.sum);
    totals.set(g.currency, entry);
  }
  return {
    rows: rows.map(({ accountEmail, orderEmail, ...row }) => ({ ...row, email: accountEmail ?? orderEmail })),
    total: [...totals.values()].reduce((n, t) => n + t.rows, 0),
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
