import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { SpecAttribute } from '@/db/schema/catalog';
import { orderItems, orders } from '@/db/schema/orders';
import { readJson } from '@/lib/catalog/queries/json-column';
import { itemLabel, type ItemLabel } from '../item-label';

/** The labels of the given items that exist, in the order asked for. */
export async function getItemLabels(db: Database, itemIds: readonly number[]): Promise<ItemLabel[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .select({
      id: orderItems.id,
      title: orderItems.title,
      attributes: orderItems.attributes,
      quantity: orderItems.quantity,
      storageBin: orderItems.storageBin,
      number: orders.number,
      userId: orders.userId,
      partnerKeyId: orders.partnerKeyId,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(inArray(orderItems.id, [...new Set(itemIds)]))
    .orderBy(asc(orderItems.id));
  const byId = new Map(rows.map((r) => [r.id, itemLabel({ ...r, attributes: readJson<SpecAttribute[]>(r.attributes, []) }, r)]));
  return itemIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
