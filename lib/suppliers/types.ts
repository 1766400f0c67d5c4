import type { SourceProduct } from '@/lib/suppliers/source-product';

/**
 * What Ferry asks of a marketplace, whatever the marketplace. A connector lives in its own folder
 * (`lib/suppliers/<platform>/`), speaks its vendor's protocol, validates its own env keys and hands
 * back only these types; the registry (`registry.ts`) is the one place that knows which exist.
 */

export const supplierPlatforms = ['1688', 'taobao', 'tmall', 'jd', 'pinduoduo', 'weidian'] as const;
export type SupplierPlatform = (typeof supplierPlatforms)[number];

/** A marketplace product link reduced to its platform and listing id. */
export type ProductLink = { platform: SupplierPlatform; id: string };

/** Current price and on-sale quantity of one upstream SKU (CNY minor units). */
export type SkuQuote = { sourceSkuId: string; priceMinor: number; stock: number; isOnSale: boolean };

export type ProductQuote = {
  sourceId: string;
  /** false when the listing was taken down upstream (every SKU then counts as 0). */
  isOnSale: boolean;
  skus: SkuQuote[];
};

export type SearchHit = { sourceId: string; title: string; priceMinor: number; imageUrl: string | null; url: string };
export type SearchPage = { items: SearchHit[]; page: number; pageSize: number; total: number };

/**
 * One page of a catalog walk. `cursor` is opaque to the caller: pass it back to get the next page
 * (null when the walk is complete). `modifiedSince` restricts the walk to listings changed at or
 * after that instant (an incremental sync); `watermark` is the newest modification time seen so far,
 * what the next incremental sync should start from.
 */
export type CatalogPageRequest = { cursor: string | null; pageSize: number; modifiedSince: Date | null };
export type CatalogPage = {
  products: SourceProduct[];
  cursor: string | null;
  total: number;
  watermark: Date | null;
  /** Listings on the page the connector could not read: the sync records them instead of stalling on them. */
  rejected: { sourceId: string; error: string }[];
};

/** Where the upstream seller ships the goods: the agent's warehouse in China. */
export type WarehouseAddress = {
  fullName: string;
  mobile: string;
  postCode: string;
  provinceText: string;
  cityText: string;
  areaText: string;
  address: string;
};

/** One upstream order: lines of a single seller (1688 takes at most 100 SKUs per order). */
export type PurchaseLine = { offerId: string; sourceSkuId: string; specId: string | null; quantity: number };
export type PurchaseRequest = {
  sellerSourceId: string;
  lines: PurchaseLine[];
  address: WarehouseAddress;
  /** Ferry's purchase-order reference, sent as the order's outside id / buyer message. */
  externalRef: string;
  message?: string;
};

export type PurchasePreviewLine = { offerId: string; sourceSkuId: string; quantity: number; unitPriceMinor: number; amountMinor: number };
export type PurchasePreview = {
  /** Goods only, CNY minor units. */
  goodsMinor: number;
  /** Seller's domestic freight to the warehouse. */
  freightMinor: number;
  totalMinor: number;
  lines: PurchasePreviewLine[];
};

export type PlacedPurchase = { upstreamOrderId: string; totalMinor: number; freightMinor: number };

/** Buyer-view order states, normalised. */
export const upstreamOrderStatuses = ['awaiting_payment', 'awaiting_shipment', 'shipped', 'received', 'completed', 'cancelled'] as const;
export type UpstreamOrderStatus = (typeof upstreamOrderStatuses)[number];

export type UpstreamOrder = {
  upstreamOrderId: string;
  status: UpstreamOrderStatus;
  /** The vendor's own status word, kept for staff. */
  rawStatus: string;
  totalMinor: number;
  sellerSourceId: string;
  modifiedAt: Date;
  /** Domestic tracking numbers, once the seller shipped (the same as `shipments`' numbers). */
  trackingNumbers: string[];
  /** The parcels the seller sent to the warehouse: one order may ship in several, each under its own courier. */
  shipments: UpstreamShipment[];
};

/** One parcel a seller sent: the domestic courier (name and the marketplace's code) and its tracking number. */
export type UpstreamShipment = {
  trackingNumber: string;
  carrierName: string | null;
  /** The marketplace's code for the courier (1688's `logisticsCompanyNo`, e.g. `YTO`). */
  carrierCode: string | null;
  shippedAt: Date | null;
};

/** A verified push message, reshaped. Unknown types are kept (for the record) and ignored. */
export type PushMessage =
  | {
      kind: 'stock';
      msgId: string;
      bornAt: Date;
      rawType: string;
      changes: { offerId: string; sourceSkuId: string | null; stock: number; delta: number; isOnSale: boolean; changedAt: Date }[];
    }
  | { kind: 'order'; msgId: string; bornAt: Date; rawType: string; upstreamOrderId: string; rawStatus: string; status: UpstreamOrderStatus | null }
  /** A parcel's tracking number was changed (1688 `LOGISTICS_MAIL_NO_CHANGE`); the orders it carries, and the numbers as told. */
  | { kind: 'tracking'; msgId: string; bornAt: Date; rawType: string; upstreamOrderIds: string[]; oldTrackingNumber: string | null; newTrackingNumber: string | null }
  | { kind: 'other'; msgId: string; bornAt: Date; rawType: string };

/**
 * A push delivery as it reached Ferry: form fields of the POST body. `verifyPush` checks the
 * signature and shape and returns the message, or null when either is wrong.
 */
export type PushDelivery = Record<string, string>;

export interface SupplierConnector {
  readonly platform: SupplierPlatform;
  /** Fetches and reshapes one listing. Throws SupplierError `not_found` when it does not exist. */
  fetchProduct(sourceId: string): Promise<SourceProduct>;
  /** Current price and stock, cheap enough to call at checkout. */
  checkStock(sourceIds: string[]): Promise<ProductQuote[]>;
  search(query: string, page: number, pageSize: number): Promise<SearchPage>;
  /** Walks the upstream catalog (or its changes since a watermark) page by page. */
  listCatalog(request: CatalogPageRequest): Promise<CatalogPage>;
  previewPurchase(request: PurchaseRequest): Promise<PurchasePreview>;
  placePurchase(request: PurchaseRequest): Promise<PlacedPurchase>;
  getOrder(upstreamOrderId: string): Promise<UpstreamOrder>;
  /** Orders modified in [from, to): what the compensating poll reads. */
  listOrdersModified(from: Date, to: Date): Promise<UpstreamOrder[]>;
  /** Cancels an upstream order the seller has not shipped; SupplierError `refused` once it has. */
  cancelOrder(upstreamOrderId: string, remark: string): Promise<void>;
  verifyPush(delivery: PushDelivery): PushMessage | null;
}

/**
 * Why an upstream call failed, in words the sync, the breaker and staff can act on:
 * `rate_limited`, `unavailable` (5xx, timeout, connection) and `auth` are worth retrying later;
 * `not_found`, `refused` (permission or business rule) and `invalid` are not.
 */
export const supplierErrorCodes = ['rate_limited', 'unavailable', 'auth', 'not_found', 'refused', 'invalid', 'not_configured'] as const;
export type SupplierErrorCode = (typeof supplierErrorCodes)[number];

export class SupplierError extends Error {
  constructor(
    readonly code: SupplierErrorCode,
    message: string,
    /** The vendor's own error code (e.g. 1688's `gw.QosAppFrequencyLimit`), for logs and staff. */
    readonly vendorCode: string | null = null,
  ) {
    super(message);
    this.name = 'SupplierError';
  }

  get isTransient(): boolean {
    return this.code === 'rate_limited' || this.code === 'unavailable' || this.code === 'auth';
  }
}

export const isSupplierError = (error: unknown): error is SupplierError => error instanceof SupplierError;
