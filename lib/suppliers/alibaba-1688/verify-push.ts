import { z } from 'zod';
import type { PushDelivery, PushMessage } from '../types';
import { mapOrderStatus } from './order-status';
import { wireId } from './product-schema';
import { isValidPushSignature } from './sign';
import { parse1688Time } from './time';
import { parseWireJson } from './wire-json';

/**
 * A 1688 message push (form fields `message` and `_aop_signature`) checked and reshaped. The
 * signature covers the message text exactly as received, so it is verified before anything is
 * parsed; any doubt — bad signature, bad JSON, a stock or order message missing its fields —
 * gives null, and the route answers 4xx without storing anything.
 */
const envelopeSchema = z.object({
  msgId: wireId,
  gmtBorn: z.union([z.number(), z.string()]),
  type: z.string().min(1),
  data: z.record(z.string(), z.unknown()).default({}),
});

const stockSchema = z.object({
  OfferInventoryChangeList: z
    .array(
      z.object({
        offerId: wireId,
        offerOnSale: z.number().int().min(0),
        skuId: wireId.nullish(),
        skuOnSale: z.number().int().min(0).nullish(),
        quantity: z.number().int(),
        bizTime: z.union([z.number(), z.string()]).nullish(),
      }),
    )
    .min(1),
});

const orderSchema = z.object({ orderId: wireId, currentStatus: z.string().min(1) });

/** `LOGISTICS_MAIL_NO_CHANGE`: every field is optional in 1688's documentation, but without an order it says nothing Ferry can use. */
const mailNoChangeSchema = z.object({
  MailNoChangeModel: z.object({
    oldMailNo: z.string().nullish(),
    newMailNo: z.string().nullish(),
    orderLogsItems: z.array(z.object({ orderId: wireId })).min(1),
  }),
});

export function verifyPush(delivery: PushDelivery, appSecret: string): PushMessage | null {
  const message = delivery.message;
  const signature = delivery._aop_signature;
  if (typeof message !== 'string' || typeof signature !== 'string' || message === '') return null;
  if (!isValidPushSignature(message, signature, appSecret)) return null;

  let json: unknown;
  try {
    json = parseWireJson(message);
  } catch {
    return null;
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return null;
  const { msgId, type, data } = envelope.data;
  const bornAt = parse1688Time(envelope.data.gmtBorn);
  if (!bornAt) return null;

  if (type === 'PRODUCT_PRODUCT_INVENTORY_CHANGE') {
    const stock = stockSchema.safeParse(data);
    if (!stock.success) return null;
    const changes = stock.data.OfferInventoryChangeList.map((c) => ({
      offerId: c.offerId,
      sourceSkuId: c.skuId ?? null,
      // A change without a SKU is about the whole offer.
      stock: c.skuId ? (c.skuOnSale ?? 0) : c.offerOnSale,
      delta: c.quantity,
      isOnSale: c.offerOnSale > 0,
      changedAt: parse1688Time(c.bizTime) ?? bornAt,
    }));
    return { kind: 'stock', msgId, bornAt, rawType: type, changes };
  }
  // Buyer-view order messages only; ORDER_BATCH_PAY and the like carry other shapes and stay "other".
  if (type.startsWith('ORDER_BUYER_VIEW_')) {
    const order = orderSchema.safeParse(data);
    if (!order.success) return null;
    const rawStatus = order.data.currentStatus;
    return { kind: 'order', msgId, bornAt, rawType: type, upstreamOrderId: order.data.orderId, rawStatus, status: mapOrderStatus(rawStatus) };
  }
  if (type === 'LOGISTICS_MAIL_NO_CHANGE') {
    const change = mailNoChangeSchema.safeParse(data);
    if (!change.success) return null;
    const model = change.data.MailNoChangeModel;
    const upstreamOrderIds = [...new Set(model.orderLogsItems.map((item) => item.orderId))];
    return { kind: 'tracking', msgId, bornAt, rawType: type, upstreamOrderIds, oldTrackingNumber: model.oldMailNo || null, newTrackingNumber: model.newMailNo || null };
  }
  return { kind: 'other', msgId, bornAt, rawType: type };
}
