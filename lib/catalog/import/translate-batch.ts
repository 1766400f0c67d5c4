import type { TranslationProvider } from '@/lib/i18n/translate/types';
import { translateProduct } from '@/lib/i18n/translate';
import type { SourceProduct } from '../source-product';

export type ProductTranslation = {
  locale: string;
  title: string;
  description: string | null;
  attributes: Record<string, string>;
  provider: string;
};

/**
 * Machine translations of a product for every locale the provider can serve. Spec names and values
 * of all SKUs are translated with the product so the SKU selector reads in the shopper's language.
 * Locales the provider cannot serve are left out: the storefront shows English there and says so.
 */
export async function translateForLocales(provider: TranslationProvider, product: SourceProduct, locales: readonly string[]): Promise<ProductTranslation[]> {
  const seen = new Set<string>();
  // The seller's location travels with the specs so the product page can show it translated.
  const location = product.seller.location ? [{ name: '产地', value: product.seller.location }] : [];
  const attributes = [...product.attributes, ...product.skus.flatMap((s) => s.attributes), ...location].filter((a) => {
    const k = `${a.name}\u0000${a.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const out: ProductTranslation[] = [];
  for (const locale of locales) {
    if (locale === 'zh-CN') continue;
    const result = await translateProduct(provider, { title: product.title, description: product.description, attributes }, locale);
    if (result) out.push({ locale, ...result });
  }
  return out;
}
