import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders, type OrderStatus } from '@/db/schema/orders';
import { paymentLedger } from '@/db/schema/payments';
import { refunds, type RefundDestination, type RefundItem } from '@/db/schema/refunds';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import type { Executor } from '@/lib/db/executor';
import { withDeadlockRetry } from '@/lib/db/lock-conflict';
import { recordOrderFact } from '@/lib/orders/record-order-fact';
import { transitionOrder } from '@/lib/orders/transition-order';
import { findTransition } from '@/lib/orders/transitions';
import { settleRefundedItems, type SettleDeps } from '@/lib/purchasing/settle-refunded-items';
import { creditWallet } from '@/lib/wallet/entries';
import { recordWalletLedger, walletPaymentId } from '@/lib/wallet/ledger';
import { moveItem } from '@/lib/warehouse/item-machine';
import { allocateItemsRefund, cnyEquivalent, refundableParts, splitOriginalRefund } from './refund-amounts';
import { plainAmount, refuseRefund } from './refund-refusal';
import { gatewayNamed, type GatewayDeps } from './registry';

export type RefundInput = {
  orderId: number;
  /** By items: their share at the pinned rate. Without items: `amountMinor`, or everything still refundable. */
  itemIds?: readonly number[];
  amountMinor?: number;
  to: RefundDestination;
  reason: string;
  /** From the staff form or the CLI: the same key is the same refund, however often it arrives. */
  idempotencyKey: string;
  actor: Actor;
  /** A whole-order refund by staff (refund-order.ts) makes the order's move itself, with its own payload. */
  isOrderMoveLeftToCaller?: boolean;
};

export type IssuedRefund = {
  refundId: number;
  amountMinor: number;
  currency: string;
  to: RefundDestination;
  status: 'requested' | 'succeeded' | 'failed';
  /** The gateway's refund id (card refunds). */
  gatewayRefundId?: string;
  /** The key was seen before: this is the first request's refund, nothing moved again. */
  isRepeat: boolean;
  isFull: boolean;
};

/** `cardMinor`: the part the gateway refunds (the rest, if any, went to the balance at once). */
type Claimed = IssuedRefund & { charge: { gateway: string; transactionId: string } | null; cardMinor: number; itemIds: number[]; orderStatus: OrderStatus; isUnsent?: boolean };

/** The key of the balance's part of a refund "to the original payment" of an order the balance paid partly. */
const walletPartKey = (key: string) => `${key}:wallet`;

/** How long a claimed card refund may wait for its gateway call before a repeat asks again. */
const UNSENT_AFTER_MS = 60_000;

/** The gateway refunds (key naming the row); a refusal marks the row failed, which gives its amount back. */
async function askGateway(db: Database, claimed: Claimed, deps: GatewayDeps): Promise<void> {
  if (!claimed.charge) return;
  const gateway = gatewayNamed(claimed.charge.gateway, deps);
  try {
    if (!gateway) throw new Error(`the ${claimed.charge.gateway} gateway is not configured here`);
    const { refundId } = await gateway.refund(claimed.charge.transactionId, claimed.cardMinor, { idempotencyKey: `ferry-refund-${claimed.refundId}` });
    await db.update(refunds).set({ gatewayRefundId: refundId }).where(eq(refunds.id, claimed.refundId));
    claimed.gatewayRefundId = refundId;
  } catch (error) {
    console.error(`[refunds] refund ${claimed.refundId} (${claimed.charge.gateway} ${claimed.charge.transactionId}) failed:`, (error as Error).message);
    await db.update(refunds).set({ status: 'failed', failureReason: (error as Error).message.slice(0, 255), completedAt: new Date() }).where(and(eq(refunds.id, claimed.refundId), eq(refunds.status, 'requested')));
    throw refuseRefund('payment_unavailable', { reason: 'gateway_refused', currency: claimed.currency, requestedMinor: claimed.cardMinor }, 'The payment gateway did not accept the refund. Nothing was refunded; try again later.');
  }
}

/**
 * The one way Ferry refunds a shopper: by items or by amount, to the card (the gateway's refund API,
 * confirmed by its `charge.refunded` webhook) or to the wallet (credited at once, in the charge
 * currency), always at the order's pinned rate and never more than is still refundable.
 *
 * Exactly once: the order row is locked while the refund is claimed (a `refunds` row, unique on
 * the idempotency key, counted against what is refundable from that moment), so concurrent clicks
 * queue; a repeated key returns the first refund; the gateway is asked with a key naming the row.
 * A refusal by the gateway marks the row `failed`, which gives its amount back to what is refundable.
 * Then the refunded items' upstream consequence (lib/purchasing/settle-refunded-items), and a
 * refund that leaves nothing refundable moves the order to `refunded` where its machine allows.
 * Every refusal carries its machine reason and amounts in `details` (refund-refusal.ts).
 */
export async function issueRefund(db: Database, redis: Redis | null, input: RefundInput, deps: GatewayDeps & SettleDeps = {}): Promise<IssuedRefund> {
  const reason = input.reason.trim();
  if (!reason) throw refuseRefund('validation_failed', { reason: 'reason_required' }, 'A refund needs a reason');
  if (!input.idempotencyKey || input.idempotencyKey.length > 90) throw refuseRefund('validation_failed', { reason: 'invalid_key' }, 'A refund needs an idempotency key of at most 90 characters');
  if (input.amountMinor !== undefined && (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0)) throw refuseRefund('validation_failed', { reason: 'invalid_amount' }, 'The amount must be a positive whole number of minor units');
  if (input.amountMinor !== undefined && input.itemIds?.length) throw refuseRefund('validation_failed', { reason: 'items_and_amount' }, 'Refund either items or an amount, not both');

  const claimed = await withDeadlockRetry(() => db.transaction((tx) => claimRefund(tx, { ...input, reason })));
  if (claimed.isRepeat) {
    // A card refund claimed but never answered by the gateway (the process died in between) is
    // asked again under the same gateway key once it is clearly not in flight any more.
    if (claimed.isUnsent) await askGateway(db, claimed, deps);
    return publicPart(claimed);
  }
  if (claimed.cardMinor > 0 && claimed.charge) await askGateway(db, claimed, deps);

  // Items named by the refund, or every item not yet refunded when nothing is left to refund.
  const itemIds = claimed.itemIds.length ? claimed.itemIds : claimed.isFull ? await unrefundedItemIds(db, input.orderId) : [];
  const dispositions = await settleRefundedItems(db, redis, { orderId: input.orderId, itemIds, actor: input.actor, reason }, deps);
  await moveWarehouseItems(db, input.orderId, itemIds, input.actor, reason);
  if (dispositions.size) {
    // Each refunded item's upstream fate, beside its share, for the admin order page.
    const [row] = await db.select({ items: refunds.items }).from(refunds).where(eq(refunds.id, claimed.refundId));
    const shares = new Map((row?.items ?? []).map((item) => [item.orderItemId, item.amountMinor]));
    const items: RefundItem[] = itemIds.map((orderItemId) => ({ orderItemId, amountMinor: shares.get(orderItemId) ?? 0, disposition: dispositions.get(orderItemId) }));
    await db.update(refunds).set({ items }).where(eq(refunds.id, claimed.refundId));
  }

  if (claimed.isFull && !input.isOrderMoveLeftToCaller) await moveToRefunded(db, redis, input.orderId, input.actor, reason, claimed.refundId);
  return publicPart(claimed);
}

async function claimRefund(tx: Executor, input: RefundInput): Promise<Claimed> {
  const [order] = await tx
    .select({ id: orders.id, status: orders.status, userId: orders.userId, number: orders.number, chargeCurrency: orders.chargeCurrency, chargeRate: orders.chargeRate, chargeMinor: orders.chargeMinor, gatewayPaymentId: orders.gatewayPaymentId })
    .from(orders)
    .where(eq(orders.id, input.orderId))
    .for('update');
  if (!order) throw refuseRefund('not_found', { reason: 'order_not_found' }, 'Order not found');

  const [earlier] = await tx.select().from(refunds).where(eq(refunds.idempotencyKey, input.idempotencyKey));
  if (earlier) {
    if (earlier.orderId !== order.id) throw refuseRefund('idempotency_mismatch', { reason: 'key_reused' }, 'This idempotency key was used for another order');
    const isUnsent = earlier.destination === 'original' && earlier.status === 'requested' && !earlier.gatewayRefundId && Date.now() - earlier.createdAt.getTime() > UNSENT_AFTER_MS;
    const charge = isUnsent ? (await refundState(tx, order)).charge : null;
    const [walletPart] = earlier.destination === 'original' ? await tx.select({ amountMinor: refunds.amountMinor }).from(refunds).where(eq(refunds.idempotencyKey, walletPartKey(input.idempotencyKey))) : [];
    return {
      refundId: earlier.id,
      amountMinor: earlier.amountMinor + (walletPart?.amountMinor ?? 0),
      cardMinor: earlier.destination === 'original' ? earlier.amountMinor : 0,
      currency: earlier.currency,
      to: earlier.destination,
      status: earlier.status,
      isRepeat: true,
      isFull: false,
      charge: charge ? { gateway: charge.gateway, transactionId: charge.transactionId } : null,
      itemIds: [],
      orderStatus: order.status,
      isUnsent: Boolean(charge),
      ...(earlier.gatewayRefundId ? { gatewayRefundId: earlier.gatewayRefundId } : {}),
    };
  }

  const { charge, walletCharge, refundable, cardRefundable, counted, pending } = await refundState(tx, order);
  const currency = order.chargeCurrency;
  if (!charge && !walletCharge) throw refuseRefund('conflict', { reason: 'no_payment', currency }, 'This order has no recorded payment to refund');
  const nothingLeft = () =>
    pending > 0
      ? refuseRefund('conflict', { reason: 'pending_card_refund', currency, refundableMinor: 0, pendingMinor: pending }, `Nothing of this order is left to refund: ${plainAmount(pending, currency)} is a card refund still waiting for the gateway`)
      : refuseRefund('conflict', { reason: 'nothing_refundable', currency, refundableMinor: 0 }, 'Nothing of this order is left to refund');
  if (refundable <= 0) throw nothingLeft();

  let amountMinor: number;
  let amountCnyMinor: number;
  let items: RefundItem[] | null = null;
  if (input.itemIds?.length) {
    const wanted = [...new Set(input.itemIds)];
    const lines = await tx.select({ orderItemId: orderItems.id, quantity: orderItems.quantity, unitPriceCnyMinor: orderItems.unitPriceCnyMinor }).from(orderItems).where(and(eq(orderItems.orderId, order.id), inArray(orderItems.id, wanted)));
    if (lines.length !== wanted.length) throw refuseRefund('not_found', { reason: 'item_not_in_order' }, 'An item to refund is not part of this order');
    const alreadyRefunded = new Set(counted.flatMap((row) => (row.items ?? []).map((item) => item.orderItemId)));
    const refundedAgain = lines.filter((line) => alreadyRefunded.has(line.orderItemId)).map((line) => line.orderItemId);
    if (refundedAgain.length) throw refuseRefund('conflict', { reason: 'item_already_refunded', itemIds: refundedAgain }, 'An item was already refunded');
    const allocated = allocateItemsRefund(lines, order, refundable);
    ({ amountMinor, amountCnyMinor } = allocated);
    items = allocated.lines;
  } else {
    amountMinor = input.amountMinor ?? refundable;
    if (amountMinor > refundable) {
      const waiting = pending > 0 ? ` (${plainAmount(pending, currency)} more is a card refund still waiting for the gateway)` : '';
      throw refuseRefund('conflict', { reason: 'exceeds_refundable', currency, refundableMinor: refundable, requestedMinor: amountMinor, pendingMinor: pending }, `At most ${plainAmount(refundable, currency)} is still refundable${waiting}`);
    }
    amountCnyMinor = cnyEquivalent(amountMinor, order);
  }
  if (amountMinor <= 0) throw nothingLeft();
  // To the card as far as it paid; what the balance paid (or everything, asked so) goes to the balance.
  const { cardMinor, walletMinor } = input.to === 'wallet' || !charge ? { cardMinor: 0, walletMinor: amountMinor } : splitOriginalRefund(amountMinor, cardRefundable);
  if (walletMinor > 0 && order.userId === null) throw refuseRefund('conflict', { reason: 'no_shopper_account' }, 'This order has no shopper account: refund it to the original payment');

  const claim = async (part: { destination: RefundDestination; amountMinor: number; key: string; items: RefundItem[] | null }) => {
    const isWallet = part.destination === 'wallet';
    const [inserted] = await tx.insert(refunds).values({
      orderId: order.id,
      items: part.items,
      amountMinor: part.amountMinor,
      currency: order.chargeCurrency,
      amountCnyMinor: part.amountMinor === amountMinor ? amountCnyMinor : cnyEquivalent(part.amountMinor, order),
      rate: order.chargeRate,
      destination: part.destination,
      reason: input.reason.slice(0, 500),
      status: isWallet ? 'succeeded' : 'requested',
      gateway: isWallet ? 'wallet' : charge!.gateway,
      idempotencyKey: part.key,
      actorType: input.actor.type,
      actorId: input.actor.id === undefined || input.actor.id === null ? null : String(input.actor.id),
      completedAt: isWallet ? new Date() : null,
    });
    const id = inserted.insertId;
    if (isWallet) {
      await creditWallet(tx, 'refund', { userId: order.userId!, currency: order.chargeCurrency, amountMinor: part.amountMinor, source: `refund:${id}`, note: order.number, actor: input.actor });
      await recordWalletLedger(tx, { orderId: order.id, userId: order.userId!, kind: 'refund', source: `refund:${id}`, amountMinor: part.amountMinor, currency: order.chargeCurrency });
    }
    return id;
  };
  // The first part carries the caller's key and the items; a balance part beside a card part, its own key.
  const refundId = await claim(cardMinor > 0 ? { destination: 'original', amountMinor: cardMinor, key: input.idempotencyKey, items } : { destination: 'wallet', amountMinor: walletMinor, key: input.idempotencyKey, items });
  if (cardMinor > 0 && walletMinor > 0) await claim({ destination: 'wallet', amountMinor: walletMinor, key: walletPartKey(input.idempotencyKey), items: null });
  const isFull = amountMinor === refundable;
  // A card refund is told when the gateway confirms it (charge.refunded); a full one by the order's move.
  if (cardMinor === 0 && !isFull) await recordOrderFact(tx, order.id, 'order.refund_issued', { refundId, amountMinor, currency: order.chargeCurrency, to: 'wallet' });
  const to: RefundDestination = cardMinor > 0 ? 'original' : 'wallet';
  await recordAudit(tx, input.actor, 'payment.refund_requested', { type: 'order', id: order.id }, { refundId, amountMinor, currency: order.chargeCurrency, to, ...(walletMinor > 0 && cardMinor > 0 ? { toCardMinor: cardMinor, toWalletMinor: walletMinor } : {}), reason: input.reason, ...(items ? { itemIds: items.map((item) => item.orderItemId) } : {}) });
  return {
    refundId,
    amountMinor,
    cardMinor,
    currency: order.chargeCurrency,
    to,
    status: cardMinor > 0 ? 'requested' : 'succeeded',
    isRepeat: false,
    isFull,
    charge: cardMinor > 0 && charge ? { gateway: charge.gateway, transactionId: charge.transactionId } : null,
    itemIds: items?.map((item) => item.orderItemId) ?? [],
    orderStatus: order.status,
  };
}

/**
 * What paid the order — its card charge and the part its balance paid (`wallet:order:<id>`) — and
 * what is still refundable of it: those, less card refunds (the ledger's or Ferry's requested ones,
 * whichever is larger) and refunds to the balance. Failed refunds count for nothing.
 */
async function refundState(db: Executor, order: { id: number; gatewayPaymentId: string | null }) {
  const ledger = await db
    .select({ gateway: paymentLedger.gateway, transactionId: paymentLedger.transactionId, kind: paymentLedger.kind, amountMinor: paymentLedger.amountMinor, currency: paymentLedger.currency })
    .from(paymentLedger)
    .where(and(eq(paymentLedger.orderId, order.id), eq(paymentLedger.status, 'recorded')));
  const walletCharge = ledger.find((row) => row.kind === 'charge' && row.gateway === 'wallet' && row.transactionId === walletPaymentId(`order:${order.id}`)) ?? null;
  const cards = ledger.filter((row) => row.gateway !== 'wallet');
  // The payment that paid the order (its gateway payment id); an order whose id was not kept (paid
  // before the pay page stored it) falls back to its charge, as refund-order.ts always did. An order
  // the balance paid whole has no card charge.
  const isWalletPaid = walletCharge !== null && order.gatewayPaymentId === walletCharge.transactionId;
  const charge = isWalletPaid ? null : (cards.find((row) => row.kind === 'charge' && row.transactionId === order.gatewayPaymentId) ?? cards.find((row) => row.kind === 'charge') ?? null);
  const earlierRefunds = await db.select({ destination: refunds.destination, status: refunds.status, amountMinor: refunds.amountMinor, items: refunds.items }).from(refunds).where(eq(refunds.orderId, order.id));
  const counted = earlierRefunds.filter((row) => row.status !== 'failed');
  const sum = (rows: { amountMinor: number }[]) => rows.reduce((total, row) => total + row.amountMinor, 0);
  const { refundable, cardRefundable } = refundableParts({
    cardPaidMinor: charge?.amountMinor ?? 0,
    walletPaidMinor: walletCharge?.amountMinor ?? 0,
    ledgerRefundedMinor: charge ? sum(cards.filter((row) => row.kind === 'refund' && row.currency === charge.currency)) : 0,
    cardRequestedMinor: sum(counted.filter((row) => row.destination === 'original')),
    walletRefundedMinor: sum(counted.filter((row) => row.destination === 'wallet')),
  });
  // Card refunds Ferry asked for and the gateway has not confirmed yet (already counted above).
  const pending = sum(counted.filter((row) => row.destination === 'original' && row.status === 'requested'));
  return { charge, walletCharge, refundable, cardRefundable, counted, pending };
}

/** What is still refundable of an order (its charge currency's minor units), for the staff form. */
export async function stillRefundable(db: Database, order: { id: number; gatewayPaymentId: string | null }): Promise<number> {
  return (await refundState(db, order)).refundable;
}

function publicPart(claimed: Claimed): IssuedRefund {
  const { refundId, amountMinor, currency, to, status, isRepeat, isFull, gatewayRefundId } = claimed;
  return { refundId, amountMinor, currency, to, status, isRepeat, isFull, ...(gatewayRefundId ? { gatewayRefundId } : {}) };
}

async function unrefundedItemIds(db: Database, orderId: number): Promise<number[]> {
  const rows = await db.select({ id: orderItems.id, fulfilmentStatus: orderItems.fulfilmentStatus }).from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id));
  return rows.filter((row) => row.fulfilmentStatus !== 'refunded').map((row) => row.id);
}

/** Nothing left to refund: the order moves to refunded where its machine allows (it may be there already). */
async function moveToRefunded(db: Database, redis: Redis | null, orderId: number, actor: Actor, reason: string, refundId: number): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [order] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
    if (!order || !findTransition(order.status, 'refunded')) return;
    const moved = await withDeadlockRetry(() => transitionOrder(db, redis, { orderId, from: order.status, to: 'refunded', actor, reason, payload: { refundId } }));
    if (moved) return;
  }
}

/** Items in the warehouse (received, accepted, or returned to the seller) move to `refunded`. */
async function moveWarehouseItems(db: Database, orderId: number, itemIds: readonly number[], actor: Actor, reason: string): Promise<void> {
  if (itemIds.length === 0) return;
  const rows = await db.select({ id: orderItems.id, status: orderItems.fulfilmentStatus }).from(orderItems).where(and(eq(orderItems.orderId, orderId), inArray(orderItems.id, [...itemIds])));
  for (const row of rows) {
    if (row.status !== 'in_warehouse' && row.status !== 'accepted' && row.status !== 'returned') continue;
    await db.transaction((tx) => moveItem(tx, { id: row.id, from: row.status, to: 'refunded', actor, reason, payload: { orderId, itemId: row.id } }));
  }
}
