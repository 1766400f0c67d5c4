import { translateProduct, type TranslatedProduct } from '@/lib/i18n/translate';
import type { TranslationProvider } from '@/lib/i18n/translate/types';
import type { SourceProduct } from '@/lib/suppliers/source-product';

export type ProductTranslation = TranslatedProduct & { locale: string };

/**
 * Machine translations of a product for every locale the provider can serve. Spec names and values
 * of all SKUs are translated with the product (translateProduct removes repeats) so the SKU selector
 * reads in the shopper's language. Locales the provider cannot serve are left out: the storefront
 * shows English there and says so.
 *
 * Where the upstream has its own English title (1688's subjectTrans) the English row uses it,
 * recorded with the platform as provider but still as `machine`, so a staff edit keeps winning.
 * It has no Chinese in it, so translateProduct passes it through without asking the provider.
 */
export async function translateForLocales(provider: TranslationProvider, product: SourceProduct, locales: readonly string[]): Promise<ProductTranslation[]> {
  // The seller's location travels with the specs so the product page can show it translated.
  const location = product.seller.location ? [{ name: '产地', value: product.seller.location }] : [];
  const attributes = [...product.attributes, ...product.skus.flatMap((s) => s.attributes), ...location];
  const out: ProductTranslation[] = [];
  for (const locale of locales) {
    if (locale === 'zh-CN') continue;
    const upstreamTitle = locale === 'en' && product.subjectTrans ? product.subjectTrans : null;
    const result = await translateProduct(provider, { title: upstreamTitle ?? product.title, description: product.description, attributes }, locale);
    if (result) out.push({ locale, ...result, ...(upstreamTitle ? { provider: product.platform } : {}) });
  }
  return out;
}
