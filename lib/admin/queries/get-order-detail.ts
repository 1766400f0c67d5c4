import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { users } from '@/db/schema/accounts';
import { products } from '@/db/schema/catalog';
import { auditLog, orderEvents, orderItems, orders } from '@/db/schema/orders';
import { partnerKeys } from '@/db/schema/partners';
import { paymentLedger } from '@/db/schema/payments';
import { describeSkuLines } from '@/lib/catalog/queries/sku-display';
import type { GatewayName } from '@/lib/orders/types';
import type { Database } from '@/lib/db';
import { normalizeRate } from '@/lib/money/convert';

/**
 * Everything staff see about one order: the order with its pinned rates, lines (with the Chinese
 * title and source link purchasers buy from), customer, payment ledger, outbox events and audit
 * trail. Six short queries by primary or indexed key. The caller checks `orders:read` (and
 * `payments:read` before showing the ledger). Each line also carries the bought SKU's photo and its
 * options in `locale`, the staff member's language, beside the Chinese snapshot (`attributes`).
 */
export async function getAdminOrderDetail(db: Database, number: string, locale: string) {
  const [order] = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      version: orders.version,
      userId: orders.userId,
      partnerKeyId: orders.partnerKeyId,
      externalRef: orders.externalRef,
      locale: orders.locale,
      email: orders.email,
      shippingAddress: orders.shippingAddress,
      valueAddedServices: orders.valueAddedServices,
      breakdownCny: orders.breakdownCny,
      totalCnyMinor: orders.totalCnyMinor,
      chargeCurrency: orders.chargeCurrency,
      chargeMinor: orders.chargeMinor,
      chargeRate: orders.chargeRate,
      rateSource: orders.rateSource,
      rateCapturedAt: orders.rateCapturedAt,
      baseCurrency: orders.baseCurrency,
      baseMinor: orders.baseMinor,
      baseRate: orders.baseRate,
      gateway: orders.gateway,
      gatewayPaymentId: orders.gatewayPaymentId,
      reservedUntil: orders.reservedUntil,
      paidAt: orders.paidAt,
      confirmedAt: orders.confirmedAt,
      createdAt: orders.createdAt,
      updatedAt: orders.updatedAt,
    })
    .from(orders)
    .where(eq(orders.number, number))
    .limit(1);
  if (!order) return null;

  const [lines, ledger, events, audit, customer, partner] = await Promise.all([
    db
      .select({
        id: orderItems.id,
        skuId: orderItems.skuId,
        productId: orderItems.productId,
        title: orderItems.title,
        titleZh: products.titleZh,
        sourceUrl: products.sourceUrl,
        attributes: orderItems.attributes,
        quantity: orderItems.quantity,
        unitPriceCnyMinor: orderItems.unitPriceCnyMinor,
        remark: orderItems.remark,
        remarkZh: orderItems.remarkZh,
        receiptOutcome: orderItems.receiptOutcome,
        receivedQuantity: orderItems.receivedQuantity,
        receiptNote: orderItems.receiptNote,
      })
      .from(orderItems)
      .leftJoin(products, eq(products.id, orderItems.productId))
      .where(eq(orderItems.orderId, order.id))
      .orderBy(asc(orderItems.id)),
    db.select().from(paymentLedger).where(eq(paymentLedger.orderId, order.id)).orderBy(asc(paymentLedger.createdAt), asc(paymentLedger.id)),
    db
      .select({ id: orderEvents.id, type: orderEvents.type, fromStatus: orderEvents.fromStatus, toStatus: orderEvents.toStatus, payload: orderEvents.payload, createdAt: orderEvents.createdAt })
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(asc(orderEvents.id)),
    db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'order'), eq(auditLog.subjectId, String(order.id))))
      .orderBy(asc(auditLog.createdAt), asc(auditLog.id)),
    order.userId
      ? db.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.id, order.userId)).limit(1)
      : Promise.resolve([]),
    order.partnerKeyId
      ? db.select({ id: partnerKeys.id, name: partnerKeys.name }).from(partnerKeys).where(eq(partnerKeys.id, order.partnerKeyId)).limit(1)
      : Promise.resolve([]),
  ]);

  const shown = await describeSkuLines(db, lines, locale);
  const items = lines.map((line, index) => ({ ...line, imageKey: shown[index]!.imageKey, options: shown[index]!.attributes }));
  // The role of each user in the audit trail (a second query: MariaDB has no LATERAL joins), so it can say who, not "staff or customer".
  const userIds = [...new Set(audit.filter((a) => a.actorType === 'user' && a.actorId && /^\d+$/.test(a.actorId)).map((a) => Number(a.actorId)))];
  const actorRoles = new Map(
    (userIds.length ? await db.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, userIds)) : []).map((u) => [String(u.id), u.role]),
  );

  return {
    order: {
      ...order,
      gateway: order.gateway as GatewayName,
      chargeRate: normalizeRate(order.chargeRate),
      baseRate: normalizeRate(order.baseRate),
    },
    items,
    ledger,
    events,
    audit: audit.map((entry) => ({ ...entry, actorRole: entry.actorType === 'user' && entry.actorId ? (actorRoles.get(entry.actorId) ?? null) : null })),
    customer: customer[0] ?? null,
    partner: partner[0] ?? null,
  };
}

export type AdminOrderDetail = NonNullable<Awaited<ReturnType<typeof getAdminOrderDetail>>>;
