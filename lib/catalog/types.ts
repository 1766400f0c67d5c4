import type { SpecAttribute } from '@/db/schema/catalog';
import type { ShippingGood } from '@/lib/shipping/goods';

export type { SpecAttribute };

/** How a product's text reached the shopper's locale: its own translation, or English shown instead. */
export type TextLocale = { lang: string; isFallback: boolean };

export type ProductImage = { key: string; width: number; height: number; position: number };

export type ProductCard = {
  id: number;
  slug: string;
  title: string;
  titleLang: TextLocale;
  priceMinMinor: number;
  priceMaxMinor: number;
  salesCount: number;
  image: ProductImage | null;
};

export type ProductSku = {
  id: number;
  sourceSkuId: string;
  attributes: SpecAttribute[];
  priceMinor: number;
  stock: number;
  imagePosition: number | null;
};

export type ProductDetail = {
  id: number;
  slug: string;
  platform: string;
  sourceId: string;
  sourceUrl: string;
  titleZh: string;
  title: string;
  titleLang: TextLocale;
  description: string | null;
  attributesZh: SpecAttribute[];
  /** zh → shopper-language map for spec names and values; English when the locale has none. */
  attributeNames: Record<string, string>;
  categoryId: number;
  seller: { id: number; name: string; nameEn: string | null; location: string | null; rating: number | null };
  priceMinMinor: number;
  priceMaxMinor: number;
  domesticShippingMinor: number;
  weightGrams: number;
  /** Goods a shipping line may refuse (staff's flags, else the classifier's): the shipping estimate quotes with them. */
  goods: ShippingGood[];
  salesCount: number;
  syncedAt: string;
  updatedAt: string;
  images: ProductImage[];
  skus: ProductSku[];
};

export type CategoryNode = {
  id: number;
  parentId: number | null;
  slug: string;
  name: string;
  nameZh: string;
  depth: number;
  /** Ancestor ids from the root, this category last. */
  pathIds: number[];
  childIds: number[];
};

export type CategoryTree = { byId: Record<number, CategoryNode>; roots: number[] };

export const sortOptions = ['popular', 'price-asc', 'price-desc', 'newest'] as const;
export type SortOption = (typeof sortOptions)[number];

export type ProductPage = { items: ProductCard[]; total: number; page: number; pageSize: number };
