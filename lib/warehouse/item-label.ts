import type { SpecAttribute } from '@/db/schema/catalog';

/** What a 50×30 mm item label says: the barcode's code, the order, the shopper, the bin and the item. */
export type ItemLabel = { code: string; itemId: number; orderNumber: string; shopperCode: string; bin: string | null; title: string; options: string; quantity: number };

/** The barcode of an item: `IT` + its id, digits only after it, so Code 128 stays short and any scanner reads it. */
export function itemCode(itemId: number): string {
  return `IT${itemId}`;
}

/** An item code read back from a scanner, or null. */
export function itemIdFromCode(code: string): number | null {
  const match = /^IT(\d{1,15})$/i.exec(code.trim());
  return match ? Number(match[1]) : null;
}

/**
 * The shopper's code on a label: `C` + the account number in base 36 for a shopper, `P` + the
 * partner key's last characters for a partner's customer. Short enough to read off a shelf, and
 * never the shopper's name or address.
 */
export function shopperCode(order: { userId: number | null; partnerKeyId: string | null }): string {
  if (order.userId !== null) return `C${order.userId.toString(36).toUpperCase()}`;
  if (order.partnerKeyId) return `P${order.partnerKeyId.replace(/[^A-Za-z0-9]/g, '').slice(-6).toUpperCase()}`;
  return 'C?';
}

export function itemLabel(item: { id: number; title: string; attributes: SpecAttribute[]; quantity: number; storageBin: string | null }, order: { number: string; userId: number | null; partnerKeyId: string | null }): ItemLabel {
  return {
    code: itemCode(item.id),
    itemId: item.id,
    orderNumber: order.number,
    shopperCode: shopperCode(order),
    bin: item.storageBin,
    title: item.title.slice(0, 60),
    options: item.attributes.map((a) => a.value).filter(Boolean).join(' / ').slice(0, 40),
    quantity: item.quantity,
  };
}
