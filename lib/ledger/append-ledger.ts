import 'server-only';
import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema/orders';
import { paymentLedger, type LedgerKind } from '@/db/schema/payments';
import type { Executor } from '@/lib/db/executor';
import { convertThroughCny, isIsoCurrency, money } from '@/lib/money';

/**
 * The one way a row enters the payment ledger (lib/payments for the gateways' money, lib/wallet
 * for the balance's): append-only, unique on (gateway, transaction id, kind), in its currency and
 * in CNY and the reporting currency.
 */

/**
 * The rates a ledger row is converted at: 1 CNY = chargeRate of the row's currency, = baseRate of
 * baseCurrency (the reporting currency; null when the FX store has no rate for it — the CNY amount is
 * still known from the pinned rate, the reporting amount is not).
 */
export type LedgerRates = { chargeCurrency: string; chargeRate: string; baseCurrency: string; baseRate: string | null };

/**
 * A row's amount in CNY and in the reporting currency, each rounded once from the exact value. Null
 * when the row is not in the currency the rates are for (a mismatching payment, flagged): no rate
 * converts it honestly.
 */
export function ledgerAmounts(amountMinor: number, currency: string, rates: LedgerRates | null): { cnyMinor: number | null; reportingMinor: number | null; reportingCurrency: string | null } {
  if (!rates || rates.chargeCurrency !== currency || !isIsoCurrency(currency)) return { cnyMinor: null, reportingMinor: null, reportingCurrency: null };
  const amount = money(amountMinor, currency);
  const cnyMinor = convertThroughCny(amount, rates.chargeRate, 'CNY', '1').amountMinor;
  if (rates.baseRate === null || !isIsoCurrency(rates.baseCurrency)) return { cnyMinor, reportingMinor: null, reportingCurrency: null };
  return { cnyMinor, reportingMinor: convertThroughCny(amount, rates.chargeRate, rates.baseCurrency, rates.baseRate).amountMinor, reportingCurrency: rates.baseCurrency };
}

async function pinnedRates(tx: Executor, orderId: number): Promise<LedgerRates | null> {
  const [order] = await tx.select({ chargeCurrency: orders.chargeCurrency, chargeRate: orders.chargeRate, baseCurrency: orders.baseCurrency, baseRate: orders.baseRate }).from(orders).where(eq(orders.id, orderId));
  return order ?? null;
}

/**
 * Appends a ledger row; false if (gateway, transaction id, kind) is already there — the same
 * payment reported again under another event id. INSERT IGNORE keeps the transaction alive.
 * The row carries its CNY and reporting-currency amounts: at the order's pinned rates, or at
 * `rates` for money of no order (a top-up, at the rates of that moment).
 */
export async function appendLedger(
  tx: Executor,
  row: { orderId: number | null; userId?: number | null; gateway: string; transactionId: string; kind: LedgerKind; amountMinor: number; currency: string; eventId: string; flagReason?: string | null },
  rates?: LedgerRates | null,
): Promise<boolean> {
  const pinned = rates ?? (row.orderId === null ? null : await pinnedRates(tx, row.orderId));
  const [result] = await tx
    .insert(paymentLedger)
    .ignore()
    .values({ ...row, ...ledgerAmounts(row.amountMinor, row.currency, pinned), status: row.flagReason ? 'flagged' : 'recorded', flagReason: row.flagReason ?? null });
  return result.affectedRows === 1;
}

