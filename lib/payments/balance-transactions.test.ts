import { describe, expect, it } from 'vitest';
import { reshapeBalanceTransaction } from './balance-transactions';

const base = { id: 'txn_1', amount: 1999, fee: 88, currency: 'usd', created: 1_796_515_200, reporting_category: 'charge', exchange_rate: null };

describe('reshapeBalanceTransaction', () => {
  it('names a charge by its PaymentIntent through the expanded source', () => {
    const m = reshapeBalanceTransaction({ ...base, source: { id: 'ch_1', object: 'charge', amount: 1999, currency: 'usd', payment_intent: 'pi_1' } });
    expect(m).toMatchObject({ id: 'txn_1', category: 'charge', amountMinor: 1999, feeMinor: 88, currency: 'USD', presentment: { amountMinor: 1999, currency: 'USD' }, chargeId: 'ch_1', paymentIntentId: 'pi_1', sourceId: 'ch_1' });
    expect(m.createdAt.toISOString()).toBe('2026-12-06T00:00:00.000Z');
  });

  it('names a refund by the charge it refunds', () => {
    const m = reshapeBalanceTransaction({ ...base, amount: -500, fee: 0, reporting_category: 'refund', source: { id: 're_1', object: 'refund', amount: 500, currency: 'usd', charge: 'ch_1', payment_intent: { id: 'pi_1' } } });
    expect(m).toMatchObject({ category: 'refund', amountMinor: -500, chargeId: 'ch_1', paymentIntentId: 'pi_1', sourceId: 're_1' });
  });

  it('compares a converted payment in what the payer paid, and keeps a source that is only an id', () => {
    const converted = reshapeBalanceTransaction({ ...base, amount: 1030, exchange_rate: 0.00687, source: { id: 'ch_2', object: 'charge', amount: 150_000, currency: 'jpy', payment_intent: 'pi_2' } });
    expect(converted).toMatchObject({ amountMinor: 1030, currency: 'USD', presentment: { amountMinor: 150_000, currency: 'JPY' } });
    const bare = reshapeBalanceTransaction({ ...base, reporting_category: 'dispute', amount: -1999, source: 'du_1' });
    expect(bare).toMatchObject({ category: 'dispute', chargeId: null, paymentIntentId: null, sourceId: 'du_1' });
  });
});
