import { translateProduct, type TranslatedProduct } from '@/lib/i18n/translate';
import type { TranslationProvider } from '@/lib/i18n/translate/types';
import type { SourceProduct } from '../source-product';

export type ProductTranslation = TranslatedProduct & { locale: string };

/**
 * Machine translations of a product for every locale the provider can serve. Spec names and values
 * of all SKUs are translated with the product (translateProduct removes repeats) so the SKU selector
 * reads in the shopper's language. Locales the provider cannot serve are left out: the storefront
 * shows English there and says so.
 */
export async function translateForLocales(provider: TranslationProvider, product: SourceProduct, locales: readonly string[]): Promise<ProductTranslation[]> {
  // The seller's location travels with the specs so the product page can show it translated.
  const location = product.seller.location ? [{ name: '产地', value: product.seller.location }] : [];
  const attributes = [...product.attributes, ...product.skus.flatMap((s) => s.attributes), ...location];
  const out: ProductTranslation[] = [];
  for (const locale of locales) {
    if (locale === 'zh-CN') continue;
    const result = await translateProduct(provider, { title: product.title, description: product.description, attributes }, locale);
    if (result) out.push({ locale, ...result });
  }
  return out;
}
