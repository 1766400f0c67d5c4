import { describe, expect, it } from 'vitest';
import { describeDetails } from './describe-details';

const en = { locale: 'en', chargeCurrency: 'EUR' };

describe('order events as sentences', () => {
  it('an order placed: its charge, total, gateway and stock check, nothing raw', () => {
    const described = describeDetails(
      { number: 'FR-1', totalCny: 12_345, charge: { amountMinor: 1_599, currency: 'EUR', rate: '0.1295' }, gateway: 'sandbox', degraded: false, upstream: { isVerified: true, reason: null }, actor: { type: 'user', id: 3 } },
      en,
    );
    expect(described.sentences).toEqual([
      { key: 'charge', values: { amount: '€15.99', rate: '0.1295', currency: 'EUR' } },
      { key: 'totalCny', values: { amount: 'CN¥123.45' } },
      { key: 'gateway', values: { gateway: 'sandbox' } },
      { key: 'upstreamVerified', values: {} },
    ]);
    expect(described.rest).toEqual({});
  });

  it('a payment, a refund reported by the gateway, a refund requested, a price rise', () => {
    expect(describeDetails({ paymentId: 'pi_1', amountMinor: 1_599, currency: 'EUR' }, en).sentences).toEqual([{ key: 'payment', values: { amount: '€15.99', paymentId: 'pi_1', refundId: '' } }]);
    expect(describeDetails({ chargeId: 'ch_1', amountRefunded: 500 }, en).sentences).toEqual([{ key: 'refundReported', values: { chargeId: 'ch_1', amount: '€5.00' } }]);
    expect(describeDetails({ refund: { gateway: 'sandbox', paymentId: 'pi_1', amountMinor: 1_599, currency: 'EUR', refundId: 're_1' }, reason: 'seller out of stock' }, en).sentences.map((s) => s.key)).toEqual(['reason', 'refundRequested']);
    expect(describeDetails({ expectedGoodsMinor: 10_000, previewGoodsMinor: 12_000 }, en).sentences).toEqual([{ key: 'priceRise', values: { expected: 'CN¥100.00', preview: 'CN¥120.00' } }]);
  });

  it('keeps what it has no sentence for aside, never in the sentence', () => {
    const described = describeDetails({ cashOnDelivery: 'confirmed', somethingNew: { a: 1 } }, en);
    expect(described.sentences).toEqual([{ key: 'codConfirmed', values: {} }]);
    expect(described.rest).toEqual({ somethingNew: { a: 1 } });
  });
});
