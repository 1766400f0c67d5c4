import type { ReconciliationItemKind } from '@/db/schema/finance';
import type { AmountMismatch, CurrencyTotals, GatewayMovement, LedgerRow, MissingInLedger, MissingInSettlement } from './movement';

/**
 * Movements between the gateway balance and bank accounts: no sale or refund, so nothing the
 * payment ledger records. Counted per category on the run, never items. Every other category that
 * is not a charge or refund (a dispute, an adjustment, one Ferry has never heard of) is an item
 * "missing in ledger": reported, never dropped.
 */
export const BALANCE_ONLY_CATEGORIES: ReadonlySet<string> = new Set(['payout', 'payout_reversal', 'transfer', 'transfer_reversal', 'topup', 'topup_reversal']);

/** Alert when mismatched money exceeds 0.5% of the day's gross (strictly more). */
export const ALERT_RATE = 0.005;

export type DiffItem = {
  kind: ReconciliationItemKind;
  key: string;
  category: string | null;
  balanceTransactionId: string | null;
  sourceId: string | null;
  chargeId: string | null;
  paymentIntentId: string | null;
  ledgerId: number | null;
  ledgerTransactionId: string | null;
  orderId: number | null;
  gateway: { amountMinor: number; currency: string } | null;
  ledger: { amountMinor: number; currency: string } | null;
  mismatchMinor: number;
  mismatchCurrency: string;
};

export type DayDiff = {
  matched: number;
  movements: number;
  items: DiffItem[];
  totals: Record<string, CurrencyTotals>;
  otherCategories: Record<string, number>;
  mismatchRate: number;
  alert: boolean;
};

/** mismatched / gross with integers, so 0.5% exactly is not an alert and float rounding never decides. */
export function exceedsAlertRate(mismatchedMinor: number, grossMinor: number): boolean {
  if (grossMinor <= 0) return mismatchedMinor > 0;
  return mismatchedMinor * 1000 > grossMinor * 5;
}

export function mismatchRateOf(totals: CurrencyTotals): number {
  if (totals.grossMinor <= 0) return totals.mismatchedMinor > 0 ? 1 : 0;
  return totals.mismatchedMinor / totals.grossMinor;
}

/** The charge a ledger refund row belongs to: its transaction id is `<charge id>:<refunded total>`. */
export function refundChargeId(transactionId: string): string {
  const at = transactionId.lastIndexOf(':');
  return at === -1 ? transactionId : transactionId.slice(0, at);
}

/**
 * One day's diff, built as the gateway's movements stream in: the ledger's rows sit in maps (a
 * charge row by its PaymentIntent id, refund rows by their charge id), each movement takes its
 * row out, and what is left over at the end was never settled. Ledger rows written up to a few
 * minutes after the day (a webhook processed after midnight) may match the day's movements; left
 * over, they belong to the next day and are not reported here.
 */
export class DayReconciler {
  private readonly charges = new Map<string, LedgerRow>();
  private readonly refunds = new Map<string, LedgerRow[]>();
  private readonly pendingRefunds = new Map<string, GatewayMovement[]>();
  private readonly items: DiffItem[] = [];
  private readonly totals = new Map<string, CurrencyTotals>();
  private readonly otherCategories = new Map<string, number>();
  private matched = 0;
  private movements = 0;

  constructor(
    ledger: Iterable<LedgerRow>,
    private readonly dayEnd: Date,
  ) {
    for (const row of ledger) {
      if (row.kind === 'charge') this.charges.set(row.transactionId, row);
      else {
        const chargeId = refundChargeId(row.transactionId);
        const rows = this.refunds.get(chargeId);
        if (rows) rows.push(row);
        else this.refunds.set(chargeId, [row]);
      }
    }
  }

  add(m: GatewayMovement): void {
    this.movements++;
    this.total(m.currency).feeMinor += m.feeMinor;
    if (BALANCE_ONLY_CATEGORIES.has(m.category)) {
      this.otherCategories.set(m.category, (this.otherCategories.get(m.category) ?? 0) + 1);
      return;
    }
    const paid = Math.abs(m.presentment.amountMinor);
    const totals = this.total(m.presentment.currency);
    totals.grossMinor += paid;
    totals.movements++;
    if (m.category === 'charge') {
      const row = m.paymentIntentId ? this.charges.get(m.paymentIntentId) : undefined;
      if (!row) return this.missingInLedger(m);
      this.charges.delete(m.paymentIntentId!);
      return this.compare(m, row);
    }
    if (m.category === 'refund') {
      const rows = m.chargeId ? this.refunds.get(m.chargeId) : undefined;
      const at = rows?.findIndex((row) => row.amountMinor === paid && row.currency === m.presentment.currency) ?? -1;
      if (at === -1) {
        // Paired with a leftover row of the same charge at the end (an amount mismatch), or missing.
        const pending = this.pendingRefunds.get(m.chargeId ?? '');
        if (m.chargeId && pending) pending.push(m);
        else if (m.chargeId) this.pendingRefunds.set(m.chargeId, [m]);
        else this.missingInLedger(m);
        return;
      }
      rows!.splice(at, 1);
      this.matched++;
      return;
    }
    this.otherCategories.set(m.category, (this.otherCategories.get(m.category) ?? 0) + 1);
    this.missingInLedger(m);
  }

  finish(): DayDiff {
    for (const [chargeId, pending] of this.pendingRefunds) {
      const rows = this.refunds.get(chargeId) ?? [];
      for (const m of pending) {
        const row = rows.shift();
        if (row) this.compare(m, row);
        else this.missingInLedger(m);
      }
    }
    this.pendingRefunds.clear();
    const leftovers = [...this.charges.values(), ...[...this.refunds.values()].flat()].filter((row) => row.createdAt < this.dayEnd);
    leftovers.sort((a, b) => a.id - b.id);
    for (const row of leftovers) {
      const totals = this.total(row.currency);
      totals.grossMinor += row.amountMinor;
      totals.mismatchedMinor += row.amountMinor;
      this.items.push({
        kind: 'missing_in_settlement',
        key: `ledger:${row.id}`,
        category: row.kind,
        balanceTransactionId: null,
        sourceId: null,
        chargeId: row.kind === 'refund' ? refundChargeId(row.transactionId) : null,
        paymentIntentId: row.kind === 'charge' ? row.transactionId : null,
        ledgerId: row.id,
        ledgerTransactionId: row.transactionId,
        orderId: row.orderId,
        gateway: null,
        ledger: { amountMinor: row.amountMinor, currency: row.currency },
        mismatchMinor: row.amountMinor,
        mismatchCurrency: row.currency,
      });
    }
    this.charges.clear();
    this.refunds.clear();
    const totals = Object.fromEntries([...this.totals].sort(([a], [b]) => a.localeCompare(b)));
    const all = Object.values(totals);
    const mismatchRate = all.reduce((worst, t) => Math.max(worst, mismatchRateOf(t)), 0);
    return {
      matched: this.matched,
      movements: this.movements,
      items: this.items,
      totals,
      otherCategories: Object.fromEntries(this.otherCategories),
      mismatchRate,
      alert: all.some((t) => exceedsAlertRate(t.mismatchedMinor, t.grossMinor)),
    };
  }

  private compare(m: GatewayMovement, row: LedgerRow): void {
    const paid = Math.abs(m.presentment.amountMinor);
    if (paid === row.amountMinor && m.presentment.currency === row.currency) {
      this.matched++;
      return;
    }
    const isSameCurrency = m.presentment.currency === row.currency;
    const mismatch = isSameCurrency ? Math.abs(paid - row.amountMinor) : paid;
    this.total(m.presentment.currency).mismatchedMinor += mismatch;
    this.items.push({
      ...this.gatewaySide(m),
      kind: isSameCurrency ? 'amount_mismatch' : 'currency_mismatch',
      key: `gw:${m.id}`,
      ledgerId: row.id,
      ledgerTransactionId: row.transactionId,
      orderId: row.orderId,
      ledger: { amountMinor: row.amountMinor, currency: row.currency },
      mismatchMinor: mismatch,
      mismatchCurrency: m.presentment.currency,
    });
  }

  private missingInLedger(m: GatewayMovement): void {
    const paid = Math.abs(m.presentment.amountMinor);
    this.total(m.presentment.currency).mismatchedMinor += paid;
    this.items.push({ ...this.gatewaySide(m), kind: 'missing_in_ledger', key: `gw:${m.id}`, ledgerId: null, ledgerTransactionId: null, orderId: null, ledger: null, mismatchMinor: paid, mismatchCurrency: m.presentment.currency });
  }

  private gatewaySide(m: GatewayMovement) {
    return {
      category: m.category,
      balanceTransactionId: m.id,
      sourceId: m.sourceId,
      chargeId: m.chargeId,
      paymentIntentId: m.paymentIntentId,
      gateway: { amountMinor: m.presentment.amountMinor, currency: m.presentment.currency },
    };
  }

  private total(currency: string): CurrencyTotals {
    let totals = this.totals.get(currency);
    if (!totals) {
      totals = { grossMinor: 0, feeMinor: 0, mismatchedMinor: 0, movements: 0 };
      this.totals.set(currency, totals);
    }
    return totals;
  }
}

/** The contract's lists (`finance reconcile`), from a run's items. */
export function contractLists(items: readonly DiffItem[]): { missingInLedger: MissingInLedger[]; missingInSettlement: MissingInSettlement[]; amountMismatches: AmountMismatch[] } {
  const missingInLedger: MissingInLedger[] = [];
  const missingInSettlement: MissingInSettlement[] = [];
  const amountMismatches: AmountMismatch[] = [];
  for (const item of items) {
    if (item.kind === 'missing_in_ledger') {
      missingInLedger.push({ balanceTransactionId: item.balanceTransactionId!, category: item.category ?? '', amountMinor: item.gateway!.amountMinor, currency: item.gateway!.currency, chargeId: item.chargeId, paymentIntentId: item.paymentIntentId, sourceId: item.sourceId });
    } else if (item.kind === 'missing_in_settlement') {
      missingInSettlement.push({ ledgerId: item.ledgerId!, orderId: item.orderId!, kind: item.category as 'charge' | 'refund', transactionId: item.ledgerTransactionId!, amountMinor: item.ledger!.amountMinor, currency: item.ledger!.currency });
    } else {
      amountMismatches.push({ balanceTransactionId: item.balanceTransactionId!, ledgerId: item.ledgerId!, orderId: item.orderId!, transactionId: item.ledgerTransactionId!, kind: item.kind === 'amount_mismatch' ? 'amount' : 'currency', gateway: item.gateway!, ledger: item.ledger! });
    }
  }
  return { missingInLedger, missingInSettlement, amountMismatches };
}
