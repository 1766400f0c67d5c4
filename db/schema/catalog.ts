import {
  bigint,
  char,
  datetime,
  index,
  int,
  json,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  smallint,
  text,
  tinyint,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { id, ref, timestamps } from './columns';

export const translationSource = ['machine', 'staff'] as const;
export type TranslationSource = (typeof translationSource)[number];

/** Category tree; `path` holds the ancestor ids (`/1/7/`) so a breadcrumb needs no recursion. */
export const categories = mysqlTable(
  'categories',
  {
    id: id(),
    parentId: ref('parent_id'),
    slug: varchar('slug', { length: 120 }).notNull(),
    nameZh: varchar('name_zh', { length: 120 }).notNull(),
    path: varchar('path', { length: 255 }).notNull(),
    depth: tinyint('depth').notNull().default(0),
    sortOrder: int('sort_order').notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('categories_slug_uq').on(t.slug), index('categories_parent_idx').on(t.parentId)],
);

export const categoryTranslations = mysqlTable(
  'category_translations',
  {
    categoryId: ref('category_id').notNull(),
    locale: varchar('locale', { length: 10 }).notNull(),
    name: varchar('name', { length: 160 }).notNull(),
    source: mysqlEnum('source', translationSource).notNull().default('machine'),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.locale] })],
);

export const sellers = mysqlTable(
  'sellers',
  {
    id: id(),
    platform: varchar('platform', { length: 16 }).notNull(),
    sourceId: varchar('source_id', { length: 64 }).notNull(),
    name: varchar('name', { length: 160 }).notNull(),
    nameEn: varchar('name_en', { length: 200 }),
    location: varchar('location', { length: 120 }),
    rating: smallint('rating'),
    ...timestamps,
  },
  (t) => [uniqueIndex('sellers_source_uq').on(t.platform, t.sourceId)],
);

export type SpecAttribute = { name: string; value: string };

/**
 * Products are a local shadow of an upstream listing, unique by (platform, source id).
 * Prices are CNY minor units; min/max are denormalised from the SKUs for listing, filter and sort.
 */
export const products = mysqlTable(
  'products',
  {
    id: id(),
    platform: varchar('platform', { length: 16 }).notNull(),
    sourceId: varchar('source_id', { length: 64 }).notNull(),
    sourceUrl: varchar('source_url', { length: 512 }).notNull(),
    slug: varchar('slug', { length: 160 }).notNull(),
    titleZh: varchar('title_zh', { length: 512 }).notNull(),
    descriptionZh: text('description_zh'),
    attributesZh: json('attributes_zh').$type<SpecAttribute[]>().notNull(),
    categoryId: ref('category_id').notNull(),
    sellerId: ref('seller_id').notNull(),
    currency: char('currency', { length: 3 }).notNull().default('CNY'),
    priceMinMinor: bigint('price_min_minor', { mode: 'number' }).notNull(),
    priceMaxMinor: bigint('price_max_minor', { mode: 'number' }).notNull(),
    domesticShippingMinor: bigint('domestic_shipping_minor', { mode: 'number' }).notNull().default(0),
    weightGrams: int('weight_grams').notNull(),
    stockTotal: int('stock_total').notNull().default(0),
    salesCount: int('sales_count').notNull().default(0),
    isActive: tinyint('is_active').notNull().default(1),
    sourceUpdatedAt: datetime('source_updated_at', { mode: 'date', fsp: 3 }),
    syncedAt: datetime('synced_at', { mode: 'date', fsp: 3 }).notNull(),
    /**
     * Hash of everything but price and stock (texts, attributes, images, SKU matrix, seller). A sync
     * that finds it unchanged only refreshes prices and stock: no translation, indexing or images.
     */
    contentHash: char('content_hash', { length: 40 }),
    /**
     * Goods a shipping line may refuse (battery, liquid, powder, magnet, brand; lib/shipping/goods):
     * `goods_detected` as the import's classifier read the listing (null until classified),
     * `goods_override` as staff set it (null: the classifier's stands). Read through productGoods.
     */
    goodsDetected: json('goods_detected').$type<string[] | null>(),
    goodsOverride: json('goods_override').$type<string[] | null>(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('products_source_uq').on(t.platform, t.sourceId),
    index('products_category_price_idx').on(t.categoryId, t.priceMinMinor),
    index('products_sales_idx').on(t.salesCount),
  ],
);

/** One row per product and locale: title, description and a zh→locale map for spec names and values. */
export const productTranslations = mysqlTable(
  'product_translations',
  {
    productId: ref('product_id').notNull(),
    locale: varchar('locale', { length: 10 }).notNull(),
    title: varchar('title', { length: 512 }).notNull(),
    description: text('description'),
    attributes: json('attributes').$type<Record<string, string>>().notNull(),
    source: mysqlEnum('source', translationSource).notNull().default('machine'),
    provider: varchar('provider', { length: 32 }).notNull(),
    translatedAt: datetime('translated_at', { mode: 'date', fsp: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.locale] })],
);

export const skus = mysqlTable(
  'skus',
  {
    id: id(),
    productId: ref('product_id').notNull(),
    sourceSkuId: varchar('source_sku_id', { length: 64 }).notNull(),
    /** The upstream's spec id where its order APIs want one (1688's specId). */
    sourceSpecId: varchar('source_spec_id', { length: 64 }),
    attributes: json('attributes').$type<SpecAttribute[]>().notNull(),
    currency: char('currency', { length: 3 }).notNull().default('CNY'),
    priceMinor: bigint('price_minor', { mode: 'number' }).notNull(),
    /** Shadow stock: the upstream's on-sale quantity as last synced (or set by staff). */
    stock: int('stock').notNull().default(0),
    /**
     * Units withheld by open orders (pending, or paid and not yet bought upstream). Sellable now is
     * `stock - reserved`; checkout's guarded update never lets it go below zero.
     */
    reserved: int('reserved').notNull().default(0),
    imagePosition: smallint('image_position'),
    syncedAt: datetime('synced_at', { mode: 'date', fsp: 3 }).notNull(),
    /**
     * Upstream time of the stock value held (a push's bizTime, a listing's modification time). A
     * push or sync older than this is stale and leaves the stock alone, so reordered messages
     * cannot roll it back.
     */
    stockSourceAt: datetime('stock_source_at', { mode: 'date', fsp: 3 }),
    /**
     * Set when the Redis stock counter may disagree with `stock - reserved` (an order placed or a
     * hold settled while Redis was unreachable); the server's job recounts the counter and clears it.
     */
    counterStaleAt: datetime('counter_stale_at', { mode: 'date', fsp: 3 }),
    ...timestamps,
  },
  (t) => [uniqueIndex('skus_source_uq').on(t.productId, t.sourceSkuId), index('skus_counter_stale_idx').on(t.counterStaleAt)],
);

export const imageStatus = ['pending', 'ready', 'failed'] as const;

export const productImages = mysqlTable(
  'product_images',
  {
    id: id(),
    productId: ref('product_id').notNull(),
    position: smallint('position').notNull(),
    sourceUrl: varchar('source_url', { length: 512 }).notNull(),
    /** Content hash of the original; derivatives live at `<key>-200.webp` and `<key>-800.webp`. */
    storageKey: varchar('storage_key', { length: 80 }),
    width: int('width'),
    height: int('height'),
    status: mysqlEnum('status', imageStatus).notNull().default('pending'),
    error: varchar('error', { length: 255 }),
    ...timestamps,
  },
  // By status: the pipeline reads the pending rows, the admin's image page the failed ones.
  (t) => [uniqueIndex('product_images_pos_uq').on(t.productId, t.position), index('product_images_status_idx').on(t.status, t.id)],
);

/**
 * Inverted index over segmented product text (Chinese words from jieba plus translated words).
 * Keyword search looks terms up here by primary key instead of scanning titles with LIKE.
 */
export const searchTerms = mysqlTable(
  'search_terms',
  {
    term: varchar('term', { length: 64 }).notNull(),
    productId: ref('product_id').notNull(),
    weight: smallint('weight').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.term, t.productId] }), index('search_terms_product_idx').on(t.productId)],
);
