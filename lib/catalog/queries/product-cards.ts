import 'server-only';
import { sql } from 'drizzle-orm';
import { products } from '@/db/schema/catalog';
import type { ProductCard, ProductImage } from '../types';
import { readJson } from './json-column';
import { englishText, localText, pickTitle } from './localized-text';

const coverJson = sql<unknown>`(select json_object('key', i.storage_key, 'width', i.width, 'height', i.height, 'position', i.position)
  from product_images i where i.product_id = ${products.id} and i.status = 'ready' order by i.position limit 1)`;

/** Columns of a product card, with the title in `locale` or English; shared by listing and search. */
export function cardColumns() {
  return {
    id: products.id,
    slug: products.slug,
    titleZh: products.titleZh,
    localTitle: localText.title,
    enTitle: englishText.title,
    priceMinMinor: products.priceMinMinor,
    priceMaxMinor: products.priceMaxMinor,
    salesCount: products.salesCount,
    cover: coverJson,
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
  return {
    id: row.id,
    slug: row.slug,
    ...pickTitle(row.localTitle, row.enTitle, row.titleZh, locale),
    priceMinMinor: row.priceMinMinor,
    priceMaxMinor: row.priceMaxMinor,
    salesCount: row.salesCount,
    image: readJson<ProductImage | null>(row.cover, null),
  };
}
