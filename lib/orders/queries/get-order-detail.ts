import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { products } from '@/db/schema/catalog';
import { orderEvents, orderItems, orders, type FulfilmentStatus, type OrderBreakdown, type OrderStatus, type PurchaseStatus, type ReceiptOutcome, type ShippingAddress } from '@/db/schema/orders';
import { paymentLedger, type LedgerKind } from '@/db/schema/payments';
import { describeSkuLines } from '@/lib/catalog/queries/sku-display';
import type { SpecAttribute } from '@/lib/catalog/types';
import type { GatewayName, ValueAddedService } from '@/lib/orders/types';
import { normalizeRate } from '@/lib/money/convert';

export type OrderDetail = {
  number: string;
  status: OrderStatus;
  createdAt: Date;
  paidAt: Date | null;
  /** Cash on delivery: when staff confirmed it. */
  confirmedAt: Date | null;
  reservedUntil: Date | null;
  gateway: GatewayName;
  payToken: string;
  shippingAddress: ShippingAddress;
  valueAddedServices: ValueAddedService[];
  breakdownCny: OrderBreakdown;
  totalCnyMinor: number;
  chargeCurrency: string;
  chargeMinor: number;
  /** The part of the charge paid from the shopper's balance (the card pays the rest). */
  walletPaidMinor: number;
  chargeRate: string;
  rateSource: string;
  rateCapturedAt: Date;
  items: {
    id: number;
    skuId: number;
    productId: number;
    title: string;
    /** The ordered SKU's options in the page's locale (else English, else the stored Chinese). */
    attributes: SpecAttribute[];
    quantity: number;
    unitPriceCnyMinor: number;
    remark: string | null;
    /** Where the item is (lib/warehouse): read with the purchase status while it is upstream. */
    fulfilmentStatus: FulfilmentStatus;
    purchaseStatus: PurchaseStatus | null;
    weightGrams: number | null;
    /** When the warehouse received it; the free storage period runs from here. */
    receivedAt: Date | null;
    /** What receiving found (lib/warehouse/receipt-outcome): null until received. */
    receiptOutcome: ReceiptOutcome | null;
    receivedQuantity: number | null;
    receiptNote: string | null;
    slug: string | null;
    /** The ordered SKU's own photo, else the product's first. */
    imageKey: string | null;
  }[];
  payments: { id: number; kind: LedgerKind; gateway: string; amountMinor: number; currency: string; status: 'recorded' | 'flagged'; createdAt: Date }[];
  events: { id: number; type: string; fromStatus: OrderStatus | null; toStatus: OrderStatus; createdAt: Date }[];
};

/**
 * One of the user's orders with its lines, payment ledger rows and status events. Scoped by the
 * owner in the query itself: another user's order number reads as null (the page answers 404).
 * Lines are described in `locale`, the page's language.
 */
export async function getOrderDetail(db: Database, userId: number, number: string, locale: string): Promise<OrderDetail | null> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.number, number), eq(orders.userId, userId)))
    .limit(1);
  if (!order) return null;
  const [lines, payments, eventRows] = await Promise.all([
    db
      .select({
        id: orderItems.id,
        skuId: orderItems.skuId,
        productId: orderItems.productId,
        title: orderItems.title,
        attributes: orderItems.attributes,
        quantity: orderItems.quantity,
        unitPriceCnyMinor: orderItems.unitPriceCnyMinor,
        remark: orderItems.remark,
        slug: products.slug,
        fulfilmentStatus: orderItems.fulfilmentStatus,
        purchaseStatus: orderItems.purchaseStatus,
        weightGrams: orderItems.weightGrams,
        receivedAt: orderItems.receivedAt,
        receiptOutcome: orderItems.receiptOutcome,
        receivedQuantity: orderItems.receivedQuantity,
        receiptNote: orderItems.receiptNote,
      })
      .from(orderItems)
      .leftJoin(products, eq(products.id, orderItems.productId))
      .where(eq(orderItems.orderId, order.id))
      .orderBy(asc(orderItems.id)),
    db
      .select({
        id: paymentLedger.id,
        kind: paymentLedger.kind,
        amountMinor: paymentLedger.amountMinor,
        currency: paymentLedger.currency,
        gateway: paymentLedger.gateway,
        status: paymentLedger.status,
        createdAt: paymentLedger.createdAt,
      })
      .from(paymentLedger)
      .where(eq(paymentLedger.orderId, order.id))
      .orderBy(asc(paymentLedger.id)),
    db
      .select({ id: orderEvents.id, type: orderEvents.type, fromStatus: orderEvents.fromStatus, toStatus: orderEvents.toStatus, createdAt: orderEvents.createdAt })
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(asc(orderEvents.id)),
  ]);
  const shown = await describeSkuLines(db, lines, locale);
  const items = lines.map((line, index) => ({ ...line, ...shown[index]! }));
  // An order's own outbox rows always name the status they reached (only other subjects leave it empty).
  const events = eventRows.flatMap((e) => (e.toStatus ? [{ ...e, toStatus: e.toStatus }] : []));
  return {
    number: order.number,
    status: order.status,
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    confirmedAt: order.confirmedAt,
    reservedUntil: order.reservedUntil,
    gateway: order.gateway as GatewayName,
    payToken: order.payToken,
    shippingAddress: order.shippingAddress,
    valueAddedServices: order.valueAddedServices as ValueAddedService[],
    breakdownCny: order.breakdownCny,
    totalCnyMinor: order.totalCnyMinor,
    chargeCurrency: order.chargeCurrency,
    chargeMinor: order.chargeMinor,
    walletPaidMinor: order.walletPaidMinor,
    chargeRate: normalizeRate(order.chargeRate),
    rateSource: order.rateSource,
    rateCapturedAt: order.rateCapturedAt,
    items,
    payments,
    events,
  };
}
