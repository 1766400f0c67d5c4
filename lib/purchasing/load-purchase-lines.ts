import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { products, skus } from '@/db/schema/catalog';
import { orderItems } from '@/db/schema/orders';
import { priceDifferences } from '@/db/schema/purchasing';
import type { Executor } from '@/lib/inventory/db-stock';
import type { PaidLine } from './amounts';

/** `sellerNote`: the purchaser's Chinese for the shopper's note (lib/purchasing/buyer-notes), sent upstream as the buyer's message. */
export type PurchaseLineRow = PaidLine & { skuId: number; specId: string | null; sellerNote: string | null };

/**
 * What a shopper has paid per unit of a line: the order's unit price, or the upstream price they
 * accepted by paying a price difference since (so a second preview at that price is no rise).
 */
export async function effectivePaidUnits(tx: Executor, lines: readonly { id: number; orderId: number; unitPriceCnyMinor: number }[]): Promise<Map<number, number>> {
  const units = new Map(lines.map((l) => [l.id, l.unitPriceCnyMinor]));
  if (lines.length === 0) return units;
  const paid = await tx
    .select({ lines: priceDifferences.lines })
    .from(priceDifferences)
    .where(and(inArray(priceDifferences.orderId, [...new Set(lines.map((l) => l.orderId))]), eq(priceDifferences.status, 'paid')));
  for (const request of paid) {
    for (const line of request.lines) {
      const known = units.get(line.orderItemId);
      if (known !== undefined && line.upstreamUnitMinor > known) units.set(line.orderItemId, line.upstreamUnitMinor);
    }
  }
  return units;
}

/** The lines a purchase order is buying now (`purchasing`), with their upstream ids, oldest line first. */
export async function loadPurchaseLines(tx: Executor, purchaseOrderId: number): Promise<PurchaseLineRow[]> {
  const rows = await tx
    .select({
      id: orderItems.id,
      orderId: orderItems.orderId,
      skuId: orderItems.skuId,
      quantity: orderItems.quantity,
      unitPriceCnyMinor: orderItems.unitPriceCnyMinor,
      sellerNote: orderItems.remarkZh,
      offerId: products.sourceId,
      sourceSkuId: skus.sourceSkuId,
      specId: skus.sourceSpecId,
    })
    .from(orderItems)
    .innerJoin(skus, eq(skus.id, orderItems.skuId))
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(and(eq(orderItems.purchaseOrderId, purchaseOrderId), eq(orderItems.purchaseStatus, 'purchasing')))
    .orderBy(asc(orderItems.id));
  const units = await effectivePaidUnits(tx, rows);
  return rows.map((row) => ({
    orderItemId: row.id,
    orderId: row.orderId,
    skuId: row.skuId,
    offerId: row.offerId,
    sourceSkuId: row.sourceSkuId,
    specId: row.specId,
    quantity: row.quantity,
    paidUnitMinor: units.get(row.id)!,
    sellerNote: row.sellerNote,
  }));
}
