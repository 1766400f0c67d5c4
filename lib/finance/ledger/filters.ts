import { gatewayNames } from '@/lib/orders/types';

/**
 * Finance's search over every money movement (/admin/finance/ledger), as the URL carries it:
 * `?view=payments&order=FR…&email=…&kind=refund&gateway=sandbox&status=flagged&currency=EUR&from=…&to=…&page=2`.
 * Two views share the order, shopper, currency and UTC-day filters: `payments` (payment_ledger
 * rows, plus transaction id, gateway and status) and `wallet` (wallet_entries, plus source). Parsing
 * and validation live in parse-filters.ts (zod stays out of client bundles).
 */
export const ledgerViews = ['payments', 'wallet'] as const;
export type LedgerView = (typeof ledgerViews)[number];

/** The ledger's gateways: the card gateways and cash on delivery, and the balance (`wallet`: an order's money that moved through it). */
export const ledgerGateways = [...gatewayNames, 'wallet'] as const;
export type LedgerGateway = (typeof ledgerGateways)[number];

export const ledgerStatuses = ['recorded', 'flagged'] as const;
export type LedgerStatus = (typeof ledgerStatuses)[number];

export type LedgerFilters = {
  view: LedgerView;
  /** An order's number (exact). Wallet movements of an order carry its number as their note. */
  order?: string;
  /** A shopper's email (exact, lower case): the order's or the top-up's owner, or the order's contact email. */
  email?: string;
  /** ISO currency code. */
  currency?: string;
  /** Inclusive UTC days (YYYY-MM-DD): the gateway's and reconciliation's day. */
  from?: string;
  to?: string;
  /** A ledger kind (payments) or a wallet entry kind (wallet). */
  kind?: string;
  /** Payments: the gateway's transaction id, or its start (a charge id finds its refunds). */
  tx?: string;
  gateway?: LedgerGateway;
  status?: LedgerStatus;
  /** Wallet: the entry's source, or its start (`refund:`, a payment id, `topup_refund:`). */
  source?: string;
  page: number;
};

export const LEDGER_PAGE_SIZE = 50;
/** Offset paging stops at the newest 10,000 rows: older ones are reached by narrowing the filters. */
export const LEDGER_MAX_PAGES = 200;

const order: (keyof LedgerFilters)[] = ['order', 'email', 'tx', 'source', 'kind', 'gateway', 'status', 'currency', 'from', 'to'];

/** The query string for `filters` with `changes` applied (page 1 and absent filters left out). */
export function ledgerSearchParams(filters: LedgerFilters, changes: Partial<LedgerFilters> = {}): URLSearchParams {
  const f = { ...filters, ...changes };
  const params = new URLSearchParams({ view: f.view });
  for (const key of order) {
    const value = f[key];
    if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  if (f.page > 1) params.set('page', String(f.page));
  return params;
}

/** The other view's tab: the filters both views share, on page 1. */
export function switchLedgerView(filters: LedgerFilters, view: LedgerView): LedgerFilters {
  const { order, email, currency, from, to } = filters;
  return Object.fromEntries(Object.entries({ view, order, email, currency, from, to, page: 1 }).filter(([, v]) => v !== undefined)) as LedgerFilters;
}
