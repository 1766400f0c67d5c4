import 'server-only';
import type Stripe from 'stripe';
import type { Env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { GatewayMovement } from './balance-movement';
import { gatewayClient } from './stripe-api';

const PAGE = 100;

/**
 * A card gateway's balance transactions created in [from, to), newest first as Stripe lists them,
 * 100 a page, with `source` expanded: a charge names its PaymentIntent (what Ferry's ledger names a
 * charge by), a refund its charge (what Ferry's ledger names a refund by).
 */
export async function* balanceMovements(env: Env, gateway: 'sandbox' | 'stripe', range: { from: Date; to: Date }): AsyncGenerator<GatewayMovement> {
  const stripe = gatewayClient(env, gateway);
  if (!stripe) throw new AppError('payment_unavailable', `The ${gateway} gateway is not configured.`);
  const list = stripe.balanceTransactions.list({
    created: { gte: Math.floor(range.from.getTime() / 1000), lt: Math.floor(range.to.getTime() / 1000) },
    limit: PAGE,
    expand: ['data.source'],
  });
  for await (const txn of list) yield reshapeBalanceTransaction(txn);
}

type Source = { id?: string; object?: string; amount?: number; currency?: string; charge?: string | { id: string } | null; payment_intent?: string | { id: string } | null };

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null));

export function reshapeBalanceTransaction(txn: Pick<Stripe.BalanceTransaction, 'id' | 'amount' | 'fee' | 'currency' | 'created' | 'reporting_category' | 'exchange_rate'> & { source: unknown }): GatewayMovement {
  const source = (txn.source && typeof txn.source === 'object' ? txn.source : null) as Source | null;
  const sourceId = typeof txn.source === 'string' ? txn.source : (source?.id ?? null);
  const currency = txn.currency.toUpperCase();
  let chargeId: string | null = sourceId?.startsWith('ch_') || sourceId?.startsWith('py_') ? sourceId : null;
  let paymentIntentId: string | null = null;
  if (source?.object === 'charge') paymentIntentId = idOf(source.payment_intent);
  if (source?.object === 'refund') {
    chargeId = idOf(source.charge);
    paymentIntentId = idOf(source.payment_intent);
  }
  // Converted by the gateway (exchange_rate set): the payer's own amount is the source's.
  const isConverted = txn.exchange_rate !== null && txn.exchange_rate !== undefined && source?.amount !== undefined && source.currency !== undefined;
  const presentment = isConverted
    ? { amountMinor: (txn.amount < 0 ? -1 : 1) * source!.amount!, currency: source!.currency!.toUpperCase() }
    : { amountMinor: txn.amount, currency };
  return {
    id: txn.id,
    category: txn.reporting_category,
    createdAt: new Date(txn.created * 1000),
    amountMinor: txn.amount,
    feeMinor: txn.fee,
    currency,
    presentment,
    chargeId,
    paymentIntentId,
    sourceId,
  };
}
