import { databaseFor } from '@/db/client';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { getTranslationProvider } from '@/lib/i18n/translate';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import { absoluteUrl } from '@/lib/site-url';
import { shopPaths } from '@/lib/shop/paths';
import { importProductLink } from '@/lib/catalog/import/import-product-link';
import { linkImportReasonOf, type LinkImportReason } from '@/lib/suppliers/link-import-errors';
import { CliError, usage } from '../errors';
import type { Command } from './index';

// What was typed is wrong (exit 2, like any usage error); anything else failed on the way (exit 1).
const badInput = new Set<LinkImportReason>(['empty', 'unsupported_link', 'not_a_listing', 'short_link']);

/**
 * The storefront's paste box from a shell. It runs outside Next, so no cache tag is revalidated: a
 * refreshed product's cached pages catch up within their revalidate period (an hour at most), or at
 * once on the next storefront import or catalog sync of that product.
 */
export const productImport: Command = {
  name: 'product import',
  description: 'Import a marketplace listing from its link (a known one is refreshed); prints {"productId","slug","created","url"}',
  options: { url: { type: 'string' }, locale: { type: 'string' } },
  async run(values) {
    const url = typeof values.url === 'string' ? values.url.trim() : '';
    if (!url) usage('product import: --url <link> is required');
    const locale = typeof values.locale === 'string' ? values.locale : defaultLocale;
    if (!isLocale(locale)) usage(`product import: --locale must be one of the storefront's locales, not "${locale}"`);
    const env = getEnv();
    try {
      const result = await importProductLink(databaseFor(env.DATABASE_URL), url, { translator: getTranslationProvider(env) });
      return { productId: result.productId, slug: result.slug, created: result.created, url: absoluteUrl(shopPaths.product(locale, result.slug)) };
    } catch (error) {
      if (!isAppError(error)) throw error;
      const reason = linkImportReasonOf(error);
      throw new CliError(`product import: ${error.message}`, reason && badInput.has(reason) ? 2 : 1);
    }
  },
};
