import { describe, expect, it } from 'vitest';
import { contractLists, DayReconciler, exceedsAlertRate } from './diff';
import type { GatewayMovement, LedgerRow } from './movement';

const dayEnd = new Date('2026-12-07T00:00:00Z');
const noon = new Date('2026-12-06T12:00:00Z');

const charge = (id: string, pi: string, amount: number, currency = 'USD'): GatewayMovement => ({
  id,
  category: 'charge',
  createdAt: noon,
  amountMinor: amount,
  feeMinor: Math.round(amount * 0.029) + 30,
  currency,
  presentment: { amountMinor: amount, currency },
  chargeId: `ch_${pi}`,
  paymentIntentId: pi,
  sourceId: `ch_${pi}`,
});
const refund = (id: string, pi: string, amount: number, currency = 'USD'): GatewayMovement => ({ ...charge(id, pi, -amount, currency), category: 'refund', feeMinor: 0, sourceId: `re_${id}` });
let nextId = 1;
const row = (kind: 'charge' | 'refund', transactionId: string, amount: number, currency = 'USD', createdAt = noon): LedgerRow => ({ id: nextId++, orderId: 100 + nextId, kind, transactionId, amountMinor: amount, currency, createdAt });

function run(ledger: LedgerRow[], movements: GatewayMovement[]) {
  const r = new DayReconciler(ledger, dayEnd);
  for (const m of movements) r.add(m);
  return r.finish();
}

describe('DayReconciler', () => {
  it('matches charges by PaymentIntent and refunds by charge and amount (ledger refund ids hold the running total)', () => {
    const diff = run(
      [row('charge', 'pi_a', 10_000), row('refund', 'ch_pi_a:2000', 2_000), row('refund', 'ch_pi_a:5000', 3_000), row('charge', 'pi_b', 500, 'JPY')],
      [charge('txn_1', 'pi_a', 10_000), refund('txn_3', 'pi_a', 3_000), refund('txn_2', 'pi_a', 2_000), charge('txn_4', 'pi_b', 500, 'JPY')],
    );
    expect(diff).toMatchObject({ matched: 4, movements: 4, items: [], mismatchRate: 0, alert: false });
    expect(diff.totals.USD).toEqual({ grossMinor: 15_000, feeMinor: 320, mismatchedMinor: 0, movements: 3 });
  });

  it('classifies missing in ledger, missing in settlement, amount and currency mismatches', () => {
    const ledgerOnly = row('charge', 'pi_gone', 700);
    const nextDay = row('charge', 'pi_late', 900, 'USD', new Date('2026-12-07T00:03:00Z'));
    const diff = run(
      [row('charge', 'pi_a', 10_000), row('charge', 'pi_b', 5_000), row('charge', 'pi_c', 4_000), row('refund', 'ch_pi_a:1000', 1_000), ledgerOnly, nextDay],
      [charge('txn_a', 'pi_a', 10_000), charge('txn_b', 'pi_b', 5_100), charge('txn_c', 'pi_c', 4_000, 'EUR'), refund('txn_r', 'pi_a', 1_200), charge('txn_x', 'pi_x', 300), { ...charge('txn_d', 'pi_a', -50), category: 'dispute' }],
    );
    expect(diff.items.map((i) => [i.kind, i.key])).toEqual([
      ['amount_mismatch', 'gw:txn_b'],
      ['currency_mismatch', 'gw:txn_c'],
      ['missing_in_ledger', 'gw:txn_x'],
      ['missing_in_ledger', 'gw:txn_d'],
      ['amount_mismatch', 'gw:txn_r'],
      ['missing_in_settlement', `ledger:${ledgerOnly.id}`],
    ]);
    expect(diff.matched).toBe(1);
    expect(diff.otherCategories).toEqual({ dispute: 1 });
    // USD: gross 10000+5100+1200+300+50+700, mismatched 100+200+300+50+700
    expect(diff.totals.USD).toMatchObject({ grossMinor: 17_350, mismatchedMinor: 1_350 });
    expect(diff.totals.EUR).toMatchObject({ grossMinor: 4_000, mismatchedMinor: 4_000 });
    expect(diff.mismatchRate).toBe(1);
    expect(diff.alert).toBe(true);
    const lists = contractLists(diff.items);
    expect(lists.amountMismatches[0]).toEqual({ balanceTransactionId: 'txn_b', ledgerId: expect.any(Number), orderId: expect.any(Number), transactionId: 'pi_b', kind: 'amount', gateway: { amountMinor: 5_100, currency: 'USD' }, ledger: { amountMinor: 5_000, currency: 'USD' } });
    expect(lists.missingInSettlement).toEqual([{ ledgerId: ledgerOnly.id, orderId: ledgerOnly.orderId, kind: 'charge', transactionId: 'pi_gone', amountMinor: 700, currency: 'USD' }]);
    expect(lists.missingInLedger.map((m) => m.category)).toEqual(['charge', 'dispute']);
  });

  it('lists payouts apart and never as differences', () => {
    const diff = run([], [{ ...charge('txn_p', 'pi_p', -90_000), category: 'payout', paymentIntentId: null }]);
    expect(diff).toMatchObject({ items: [], otherCategories: { payout: 1 }, alert: false, mismatchRate: 0 });
  });
});

describe('the 0.5% alert threshold', () => {
  it('alerts above 0.5% of the gross, not at it', () => {
    expect(exceedsAlertRate(50, 10_000)).toBe(false);
    expect(exceedsAlertRate(51, 10_000)).toBe(true);
    expect(exceedsAlertRate(0, 0)).toBe(false);
    expect(exceedsAlertRate(1, 0)).toBe(true);
  });

  it('a day with 0.5% exactly mismatched raises no alert; one minor unit more does', () => {
    const ledger = () => [row('charge', 'pi_1', 19_900), row('charge', 'pi_2', 100)];
    expect(run(ledger(), [charge('t1', 'pi_1', 19_900)]).alert).toBe(false);
    expect(run(ledger(), [charge('t1', 'pi_1', 19_901)]).alert).toBe(true);
  });
});
