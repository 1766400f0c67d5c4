import type { SpecAttribute } from '@/db/schema/catalog';
import type { FulfilmentStatus, OrderStatus, PurchaseStatus } from '@/db/schema/orders';
import { normalizeRate } from '@/lib/money/convert';
import { paymentUrl } from '@/lib/payments/pay-link';
import { mediaUrl } from '@/lib/shop/paths';
import { contractFulfilmentStatus, type ContractFulfilmentStatus } from '@/lib/warehouse/fulfilment-status';

/**
 * The open API's JSON, exactly as PRODUCT.md's "Open API signing" contract spells it. Text is in
 * English where a translation exists, else the Chinese original; catalog prices are CNY minor units.
 */

export type Price = { amountMinor: number; currency: 'CNY' };

export type ApiSku = { id: number; sourceSkuId: string; attributes: Record<string, string>; price: Price; stock: number };

export type ApiProduct = {
  id: number;
  title: string;
  source: { platform: string; id: string; url: string };
  skus: ApiSku[];
};

export type ApiCharge = { amountMinor: number; currency: string; rate: string };
export type ApiPayment = { gateway: string; paymentUrl: string };

export type ApiPlacedOrder = { orderNumber: string; status: OrderStatus; charge: ApiCharge; payment: ApiPayment };

/** Where one item is between the seller and the shopper (PRODUCT.md, `fulfilment`). */
export type ApiFulfilment = {
  status: ContractFulfilmentStatus;
  /** The domestic tracking number its seller's parcel came (or is coming) under. */
  domesticTracking: string | null;
  receivedAt: string | null;
  weightGrams: number | null;
  photos: string[];
  /** When free storage ends (arrival + the agent's free storage days). */
  storageUntil: string | null;
  parcelNumber: string | null;
};

export type ApiOrderItem = {
  /** The item's own id, for its QC decisions and parcels. Added field. */
  itemId: number;
  skuId: number;
  productId: number;
  title: string;
  attributes: Record<string, string>;
  quantity: number;
  unitPrice: Price;
  /** The ordered SKU's own photo (800 px WebP), else the product's first; null before images are ready. Added field. */
  image: string | null;
  fulfilment: ApiFulfilment;
};

export type ApiOrder = {
  orderNumber: string;
  status: OrderStatus;
  items: ApiOrderItem[];
  charge: ApiCharge;
  externalRef: string | null;
  createdAt: string;
  payment: ApiPayment;
};

/** zh → English map of spec names and values (product_translations.attributes for 'en'). */
export type AttributeNames = Record<string, string>;

export type ProductRecord = {
  id: number;
  platform: string;
  sourceId: string;
  sourceUrl: string;
  titleZh: string;
  enTitle: string | null;
  enAttributes: AttributeNames | null;
};

export type SkuRecord = { id: number; sourceSkuId: string; attributes: SpecAttribute[]; priceMinor: number; stock: number; reserved: number };

export type OrderRecord = {
  number: string;
  status: OrderStatus;
  chargeMinor: number;
  chargeCurrency: string;
  chargeRate: string;
  externalRef: string | null;
  createdAt: Date;
  gateway: string;
  payToken: string;
};

export type OrderItemRecord = {
  id: number;
  skuId: number;
  productId: number;
  title: string;
  attributes: SpecAttribute[];
  quantity: number;
  unitPriceCnyMinor: number;
  imageKey: string | null;
  fulfilmentStatus: FulfilmentStatus;
  purchaseStatus: PurchaseStatus | null;
  receivedAt: Date | null;
  weightGrams: number | null;
  domesticTracking: string | null;
  /** Absolute, signed and expiring URLs of the item's QC photos (lib/warehouse/photos), oldest first. */
  photoUrls: string[];
};

const DAY_MS = 86_400_000;

/** An item's `fulfilment` object; `freeStorageDays` is the agent's setting. */
export function serializeFulfilment(item: OrderItemRecord, freeStorageDays: number): ApiFulfilment {
  return {
    status: contractFulfilmentStatus(item.fulfilmentStatus, item.purchaseStatus),
    domesticTracking: item.domesticTracking,
    receivedAt: item.receivedAt?.toISOString() ?? null,
    weightGrams: item.weightGrams,
    photos: item.photoUrls,
    storageUntil: item.receivedAt ? new Date(item.receivedAt.getTime() + freeStorageDays * DAY_MS).toISOString() : null,
    parcelNumber: null,
  };
}

export function cny(amountMinor: number): Price {
  return { amountMinor, currency: 'CNY' };
}

/** Spec pairs as one object, names and values in English where known. A repeated name keeps its first value. */
export function attributesObject(attributes: readonly SpecAttribute[], names: AttributeNames | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of attributes) {
    const key = names?.[name] ?? name;
    if (!Object.hasOwn(out, key)) out[key] = names?.[value] ?? value;
  }
  return out;
}

export function serializeProduct(product: ProductRecord, skus: readonly SkuRecord[]): ApiProduct {
  return {
    id: product.id,
    title: product.enTitle ?? product.titleZh,
    source: { platform: product.platform, id: product.sourceId, url: product.sourceUrl },
    skus: [...skus]
      .sort((a, b) => a.id - b.id)
      .map((s) => ({
        id: s.id,
        sourceSkuId: s.sourceSkuId,
        attributes: attributesObject(s.attributes, product.enAttributes),
        price: cny(s.priceMinor),
        // Sellable now: the shadow stock less what open orders withhold.
        stock: Math.max(0, s.stock - s.reserved),
      })),
  };
}

export function serializeCharge(order: Pick<OrderRecord, 'chargeMinor' | 'chargeCurrency' | 'chargeRate'>): ApiCharge {
  return { amountMinor: order.chargeMinor, currency: order.chargeCurrency, rate: normalizeRate(order.chargeRate) };
}

export function serializePayment(siteUrl: string, order: Pick<OrderRecord, 'number' | 'payToken' | 'gateway'>): ApiPayment {
  return { gateway: order.gateway, paymentUrl: paymentUrl(siteUrl, { number: order.number, payToken: order.payToken }) };
}

export function serializePlacedOrder(siteUrl: string, order: Omit<OrderRecord, 'externalRef' | 'createdAt'>): ApiPlacedOrder {
  return { orderNumber: order.number, status: order.status, charge: serializeCharge(order), payment: serializePayment(siteUrl, order) };
}

export function serializeOrder(
  siteUrl: string,
  order: OrderRecord,
  items: readonly OrderItemRecord[],
  namesByProduct: ReadonlyMap<number, AttributeNames>,
  freeStorageDays: number,
): ApiOrder {
  return {
    orderNumber: order.number,
    status: order.status,
    items: items.map((i) => ({
      itemId: i.id,
      skuId: i.skuId,
      productId: i.productId,
      title: i.title,
      attributes: attributesObject(i.attributes, namesByProduct.get(i.productId)),
      quantity: i.quantity,
      unitPrice: cny(i.unitPriceCnyMinor),
      image: i.imageKey ? `${siteUrl.replace(/\/$/, '')}${mediaUrl(i.imageKey, 800)}` : null,
      fulfilment: serializeFulfilment(i, freeStorageDays),
    })),
    charge: serializeCharge(order),
    externalRef: order.externalRef,
    createdAt: order.createdAt.toISOString(),
    payment: serializePayment(siteUrl, order),
  };
}
