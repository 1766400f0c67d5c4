import { describe, expect, it } from 'vitest';
import { ledgerSearchParams, switchLedgerView } from './filters';
import { parseLedgerQuery } from './parse-filters';

describe('the money movements search query', () => {
  it('reads every filter of the payments view, normalised, and keeps only what was given', () => {
    const parsed = parseLedgerQuery({ order: ' fr251121-7k3q9x ', email: 'Ana@Example.COM', kind: 'refund', gateway: 'sandbox', status: 'flagged', currency: 'eur', tx: 'ch_3Q', from: '2025-11-01', to: '2025-11-30', page: '3', source: 'ignored' });
    expect(parsed).toEqual({
      ok: true,
      filters: { view: 'payments', order: 'FR251121-7K3Q9X', email: 'ana@example.com', kind: 'refund', gateway: 'sandbox', status: 'flagged', currency: 'EUR', tx: 'ch_3Q', from: '2025-11-01', to: '2025-11-30', page: 3 },
    });
    expect(parseLedgerQuery({})).toEqual({ ok: true, filters: { view: 'payments', page: 1 } });
    // The balance's own ledger rows (an order paid from the wallet) are a gateway of their own.
    expect(parseLedgerQuery({ gateway: 'wallet' })).toEqual({ ok: true, filters: { view: 'payments', gateway: 'wallet', page: 1 } });
    expect(parseLedgerQuery({ view: 'wallet', email: '', kind: 'topup', source: 'refund:', gateway: 'stripe' })).toEqual({ ok: true, filters: { view: 'wallet', kind: 'topup', source: 'refund:', page: 1 } });
  });

  it('answers input it cannot search with a message per field, never a crash', () => {
    const parsed = parseLedgerQuery({ order: "1' OR 1=1 --", email: 'not-an-email', from: '2025-02-30', currency: 'euro', kind: 'topup', gateway: 'paypal', status: 'lost', tx: 'pi x' });
    expect(parsed).toMatchObject({
      ok: false,
      view: 'payments',
      errors: { order: 'orderInvalid', email: 'emailInvalid', from: 'dayInvalid', currency: 'currencyInvalid', gateway: 'gatewayInvalid', status: 'statusInvalid', tx: 'txInvalid' },
      values: { order: "1' OR 1=1 --", email: 'not-an-email' },
    });
    // A wallet kind on the payments view (and the reverse) is refused too.
    expect(parseLedgerQuery({ kind: 'topup' })).toMatchObject({ ok: false, errors: { kind: 'kindInvalid' } });
    expect(parseLedgerQuery({ view: 'wallet', kind: 'charge' })).toMatchObject({ ok: false, errors: { kind: 'kindInvalid' } });
    expect(parseLedgerQuery({ from: '2025-12-01', to: '2025-11-01' })).toMatchObject({ ok: false, errors: { to: 'rangeReversed' } });
    expect(parseLedgerQuery({ email: `${'a'.repeat(300)}@example.com` })).toMatchObject({ ok: false, errors: { email: 'emailInvalid' } });
  });

  it('caps the page and builds the URL back, the other view keeping the shared filters', () => {
    const parsed = parseLedgerQuery({ email: 'ana@example.com', kind: 'charge', status: 'recorded', page: '5000' });
    expect(parsed.ok && parsed.filters.page).toBe(200);
    if (!parsed.ok) return;
    expect(ledgerSearchParams(parsed.filters, { page: 2 }).toString()).toBe('view=payments&email=ana%40example.com&kind=charge&status=recorded&page=2');
    expect(ledgerSearchParams(switchLedgerView(parsed.filters, 'wallet')).toString()).toBe('view=wallet&email=ana%40example.com');
  });
});
