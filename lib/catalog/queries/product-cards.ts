import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/mysql-core';
import { products, productTranslations } from '@/db/schema/catalog';
import type { ProductCard, ProductImage } from '../types';
import { readJson } from './json-column';

const local = alias(productTranslations, 'card_local');
const english = alias(productTranslations, 'card_en');

const coverJson = sql<unknown>`(select json_object('key', i.storage_key, 'width', i.width, 'height', i.height, 'position', i.position)
  from product_images i where i.product_id = ${products.id} and i.status = 'ready' order by i.position limit 1)`;

/** Columns of a product card, with the title in `locale` or English; shared by listing and search. */
export function cardColumns() {
  return {
    id: products.id,
    slug: products.slug,
    titleZh: products.titleZh,
    localTitle: local.title,
    enTitle: english.title,
    priceMinMinor: products.priceMinMinor,
    priceMaxMinor: products.priceMaxMinor,
    salesCount: products.salesCount,
    cover: coverJson,
  };
}

export function cardJoins(locale: string) {
  return {
    local: [local, and(eq(local.productId, products.id), eq(local.locale, locale))] as const,
    english: [english, and(eq(english.productId, products.id), eq(english.locale, 'en'))] as const,
  };
}

type CardRow = {
  id: number;
  slug: string;
  titleZh: string;
  localTitle: string | null;
  enTitle: string | null;
  priceMinMinor: number;
  priceMaxMinor: number;
  salesCount: number;
  cover: unknown;
};

export function toCard(row: CardRow, locale: string): ProductCard {
  const title = row.localTitle ?? row.enTitle ?? row.titleZh;
  const lang = row.localTitle !== null ? locale : row.enTitle !== null ? 'en' : 'zh-CN';
  return {
    id: row.id,
    slug: row.slug,
    title,
    titleLang: { lang, isFallback: lang !== locale },
    priceMinMinor: row.priceMinMinor,
    priceMaxMinor: row.priceMaxMinor,
    salesCount: row.salesCount,
    image: readJson<ProductImage | null>(row.cover, null),
  };
}
