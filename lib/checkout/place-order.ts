import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Redis } from '@upstash/redis';
import { and, eq, inArray } from 'drizzle-orm';
import { databaseName, type Database } from '@/db/client';
import { orderEvents, orderItems, orders, productTranslations, products, skus } from '@/db/schema';
import { shippingAddressSchema } from '@/lib/addresses/address-schema';
import { recordAudit } from '@/lib/audit/record';
import type { Limiter } from '@/lib/auth/rate-limit';
import { getEnv, type Env } from '@/lib/env';
import { AppError, isAppError } from '@/lib/errors';
import { getLatestRates } from '@/lib/fx/store';
import { requireRate } from '@/lib/fx/types';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { withholdInDb } from '@/lib/inventory/db-stock';
import { holdInRedis, releaseRedisHold } from '@/lib/inventory/hold-stock';
import { markCountersStale } from '@/lib/inventory/stale-counters';
import { rateDeviates } from '@/lib/money';
import { isSupportedCurrency } from '@/lib/money/locale-currency';
import type { CurrencyCode } from '@/lib/money/currencies';
import type { Actor } from '@/lib/audit/actor';
import { newOrderNumber } from '@/lib/orders/order-number';
import { findOrderByToken } from '@/lib/orders/queries/find-order';
import { checkoutKey } from './checkout-key';
import { getSettings } from '@/lib/settings/read-settings';
import { enforceUnpaidCaps } from './enforce-unpaid-caps';
import type { LiveRate } from './live-rate';
import { atPinnedRate, convertOrderBreakdown, priceOrder, type PricingLine } from './pricing';
import { checkoutSettings, isCodAvailable } from './settings';
import type { PlacedOrder, PlaceOrderInput } from './types';
import { unpaidCapsFor } from './unpaid-caps';
import { verifyUpstreamStock, type UpstreamCheckOptions } from './verify-upstream-stock';

export type CheckoutDeps = {
  db: Database;
  redis: Redis | null;
  env?: Env;
  /** The live rate check; without it only the shown (quoted) rate is compared with the cached one. */
  liveRate?: LiveRate;
  /** The real-time upstream stock check (verify-upstream-stock.ts); defaults from env. */
  upstreamCheck?: UpstreamCheckOptions;
  /** Storefront checkouts: the `checkout` rate limit per account and IP (partners have their key's own limit). */
  limiter?: Limiter;
};

const MAX_LINES = 100;
const MAX_QUANTITY = 999;

/**
 * Turns SKUs into an order, for shoppers and partners alike:
 * 1. a second submit with the same checkout token by the same owner (user, or partner key) returns
 *    the first order; another owner's token never finds it;
 * 2. prices at the cached rate, refusing with prices_moved when the live rate (or the rate the
 *    shopper was shown) is more than FX_MAX_DEVIATION_PERCENT away;
 * 3. refuses an account or partner key already at its unpaid caps (enforce-unpaid-caps.ts);
 * 4. checks the SKUs' stock upstream in real time (out_of_stock when the marketplace has too few;
 *    if it cannot answer in time, sells from the shadow stock and records the order as unverified);
 * 5. holds the units in Redis (fast refusal), then, in one MySQL transaction, locks the owner and
 *    checks the caps again, withholds the units with the guarded update and writes the order, its
 *    lines, the outbox event and the audit record;
 * 6. gives the Redis hold back if anything after it fails.
 * An unpaid order holds its stock until `reserved_until`: RESERVATION_MINUTES for a card payment,
 * the agent's cash-on-delivery confirmation window (settings) for staff to confirm it.
 * If Redis is unreachable the database guard alone decides (`degraded: true`) and the SKUs'
 * counters are marked for a recount (lib/inventory/stale-counters.ts), as they are when the
 * database connection is lost mid-commit (the order may or may not exist).
 */
export async function placeOrder(deps: CheckoutDeps, input: PlaceOrderInput): Promise<PlacedOrder> {
  const { db, redis } = deps;
  const env = deps.env ?? getEnv();
  validateShape(input);
  // The API and the checkout form validate addresses already; checking here keeps every way in honest.
  const address = shippingAddressSchema.safeParse(input.shippingAddress);
  if (!address.success) {
    const issue = address.error.issues[0]!;
    throw new AppError('validation_failed', `shippingAddress.${issue.path.join('.')}: ${issue.message}`, { field: `shippingAddress.${issue.path.join('.')}` });
  }
  input = { ...input, shippingAddress: address.data };
  // The token only ever finds the same owner's order (checkout-key.ts).
  const key = checkoutKey(input.customer, input.checkoutToken);

  const existing = await findOrderByToken(db, key);
  if (existing) return { order: existing, created: false, degraded: false };

  const gateway = input.gateway ?? env.PAYMENT_GATEWAY;
  if (gateway === 'cod' && !isCodAvailable(env, input.shippingAddress.country)) {
    throw new AppError('validation_failed', `Cash on delivery is not offered in ${input.shippingAddress.country}`, { field: 'gateway' });
  }

  const agentSettings = await getSettings(db);
  const caps = unpaidCapsFor(agentSettings, input.customer);
  const units = input.items.reduce((sum, item) => sum + item.quantity, 0);
  await enforceUnpaidCaps(db, input.customer, units, caps);

  const lines = await loadLines(db, input);
  const rates = await pinRates(deps, env, input.currency, input.quotedRate);
  const settings = checkoutSettings(env);
  const { breakdown, totalCny } = priceOrder(lines, input.valueAddedServices ?? [], { cashOnDelivery: gateway === 'cod' }, settings);
  const charge = convertOrderBreakdown(breakdown, input.currency, rates.charge.rate).total;
  const base = atPinnedRate(totalCny, env.REPORTING_CURRENCY as CurrencyCode, rates.base.rate);

  const stockLines = lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity }));
  const upstream = await verifyUpstreamStock(db, redis, stockLines, deps.upstreamCheck);
  const hold = await holdInRedis(db, redis, key, stockLines);
  if (hold.duplicate) return { order: await waitForOrder(db, key), created: false, degraded: false };

  const actor: Actor =
    input.customer.type === 'user'
      ? { type: 'user', id: input.customer.userId, label: input.customer.email }
      : { type: 'partner', id: input.customer.partnerKeyId };
  const number = newOrderNumber();
  const now = new Date();
  const holdMs = gateway === 'cod' ? agentSettings['cod.confirmationHours'] * 3_600_000 : env.RESERVATION_MINUTES * 60_000;
  try {
    await db.transaction(async (tx) => {
      // First in the transaction (see enforceUnpaidCaps): concurrent checkouts of one owner queue here.
      await enforceUnpaidCaps(tx, input.customer, units, caps, { lock: true });
      await withholdInDb(tx, stockLines, { isCounterStale: hold.degraded });
      const [inserted] = await tx
        .insert(orders)
        .values({
          number,
          status: 'pending',
          userId: input.customer.type === 'user' ? input.customer.userId : null,
          partnerKeyId: input.customer.type === 'partner' ? input.customer.partnerKeyId : null,
          externalRef: input.customer.type === 'partner' ? (input.customer.externalRef ?? null) : null,
          checkoutToken: key,
          locale: input.locale,
          email: input.customer.type === 'user' ? input.customer.email : null,
          shippingAddress: input.shippingAddress,
          valueAddedServices: [...new Set(input.valueAddedServices ?? [])],
          breakdownCny: breakdown,
          totalCnyMinor: totalCny,
          chargeCurrency: input.currency,
          chargeMinor: charge.amountMinor,
          chargeRate: rates.charge.rate,
          rateSource: rates.charge.source,
          rateCapturedAt: new Date(rates.charge.capturedAt),
          baseCurrency: base.currency,
          baseMinor: base.amountMinor,
          baseRate: rates.base.rate,
          gateway,
          payToken: randomBytes(16).toString('hex'),
          reservedUntil: new Date(now.getTime() + holdMs),
        })
        .$returningId();
      const orderId = inserted!.id;
      await tx.insert(orderItems).values(
        lines.map((l) => ({
          orderId,
          skuId: l.skuId,
          productId: l.productId,
          sellerId: l.sellerId,
          title: l.title,
          attributes: l.attributes,
          quantity: l.quantity,
          unitPriceCnyMinor: l.unitPriceCny,
          remark: l.remark,
        })),
      );
      const details = { number, totalCny, charge: { amountMinor: charge.amountMinor, currency: charge.currency, rate: rates.charge.rate }, gateway, degraded: hold.degraded, upstream };
      await tx.insert(orderEvents).values({ orderId, subjectType: 'order', subjectId: orderId, type: 'order.created', fromStatus: null, toStatus: 'pending', payload: details });
      await recordAudit(tx, actor, 'order.created', { type: 'order', id: orderId }, details);
    });
  } catch (error) {
    if (hold.held) {
      const released = await releaseRedisHold(redis, databaseName(db), key);
      // A lost connection leaves the commit unknown: the order may exist after all, its units
      // withheld in MySQL and just given back in Redis. A hold Redis would not take back stays on
      // its counter. Either way the counters are recounted once both answer again.
      if (released === 'failed' || isDatabaseUnavailable(error)) await markCountersStale(db, stockLines.map((l) => l.skuId));
    } else if (hold.degraded) {
      // Redis may have applied a hold it could not confirm (a timeout): recount rather than keep it.
      await markCountersStale(db, stockLines.map((l) => l.skuId));
    }
    if (isDuplicateToken(error)) return { order: await waitForOrder(db, key), created: false, degraded: hold.degraded };
    // A double submit that queued behind its twin on the owner's lock counts the twin's order
    // against the cap: it is the same order, not one too many.
    if (isAppError(error) && (error.code === 'too_many_unpaid_orders' || error.code === 'too_many_held_units')) {
      const twin = await findOrderByToken(db, key);
      if (twin) return { order: twin, created: false, degraded: hold.degraded };
    }
    throw error;
  }
  const order = await findOrderByToken(db, key);
  return { order: order!, created: true, degraded: hold.degraded };
}

function validateShape(input: PlaceOrderInput): void {
  if (input.items.length === 0 || input.items.length > MAX_LINES) {
    throw new AppError('validation_failed', `An order has 1 to ${MAX_LINES} lines`, { field: 'items' });
  }
  const seen = new Set<number>();
  for (const item of input.items) {
    if (!Number.isSafeInteger(item.skuId) || item.skuId <= 0) throw new AppError('validation_failed', 'Unknown SKU', { field: 'items' });
    if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > MAX_QUANTITY) {
      throw new AppError('validation_failed', `Quantity must be 1 to ${MAX_QUANTITY}`, { field: 'items', skuId: item.skuId });
    }
    if (seen.has(item.skuId)) throw new AppError('validation_failed', `SKU ${item.skuId} appears twice`, { field: 'items' });
    seen.add(item.skuId);
  }
  if (!isSupportedCurrency(input.currency)) throw new AppError('validation_failed', `Unsupported currency ${input.currency}`, { field: 'currency' });
  // The checkout form sends a UUID, the open API the partner's Idempotency-Key (1–100 characters).
  if (input.checkoutToken.length < 1 || input.checkoutToken.length > 100) throw new AppError('validation_failed', 'Invalid checkout token');
}

type Line = PricingLine & { productId: number; title: string; attributes: { name: string; value: string }[]; remark: string | null };

async function loadLines(db: Database, input: PlaceOrderInput): Promise<Line[]> {
  const ids = input.items.map((i) => i.skuId);
  const rows = await db
    .select({
      skuId: skus.id,
      productId: products.id,
      sellerId: products.sellerId,
      unitPriceCny: skus.priceMinor,
      attributes: skus.attributes,
      domesticShippingCny: products.domesticShippingMinor,
      titleZh: products.titleZh,
      title: productTranslations.title,
      isActive: products.isActive,
    })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .leftJoin(productTranslations, and(eq(productTranslations.productId, products.id), eq(productTranslations.locale, 'en')))
    .where(inArray(skus.id, ids));
  const byId = new Map(rows.map((r) => [r.skuId, r]));
  return input.items.map((item) => {
    const row = byId.get(item.skuId);
    if (!row || row.isActive !== 1) throw new AppError('not_found', `SKU ${item.skuId} is not sold`, { skuId: item.skuId });
    return {
      skuId: row.skuId,
      productId: row.productId,
      sellerId: row.sellerId,
      unitPriceCny: row.unitPriceCny,
      quantity: item.quantity,
      domesticShippingCny: row.domesticShippingCny,
      title: row.title ?? row.titleZh,
      attributes: row.attributes,
      remark: item.remark?.trim() || null,
    };
  });
}

type Pinned = { rate: string; source: string; capturedAt: string };

async function pinRates(deps: CheckoutDeps, env: Env, currency: CurrencyCode, quoted: string | undefined) {
  const table = await getLatestRates(deps.db);
  const identity: Pinned = { rate: '1', source: 'identity', capturedAt: new Date(0).toISOString() };
  const rateOf = (code: CurrencyCode): Pinned => (code === 'CNY' ? identity : requireRate(table, code));
  const charge = rateOf(currency);
  const base = rateOf(env.REPORTING_CURRENCY as CurrencyCode);
  const limit = env.FX_MAX_DEVIATION_PERCENT;
  if (quoted && rateDeviates(charge.rate, quoted, limit)) {
    throw new AppError('prices_moved', 'Exchange rates have moved since this page was shown. Review the new prices and try again.', {
      quoted,
      current: charge.rate,
    });
  }
  const live = deps.liveRate ? await deps.liveRate(currency) : null;
  if (live && rateDeviates(live, charge.rate, limit)) {
    throw new AppError('prices_moved', 'Exchange rates have moved. Review the new prices and try again.', { cached: charge.rate, live });
  }
  return { charge, base };
}

/** A concurrent submit with the same token is making the order: wait for it (a few seconds at most). */
async function waitForOrder(db: Database, token: string) {
  for (let i = 0; i < 50; i++) {
    const order = await findOrderByToken(db, token);
    if (order) return order;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new AppError('conflict', 'This checkout is already being processed; refresh in a moment');
}

function isDuplicateToken(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === 'ER_DUP_ENTRY' && String((cause as Error).message).includes('orders_checkout_uq');
}
