import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SearchResults, searchMetadata } from '@/components/shop/search-results';
import { findProductBySource } from '@/lib/catalog/queries/find-product-by-source';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { shopPaths } from '@/lib/shop/paths';
import { platformName } from '@/lib/suppliers/platform-name';
import { parseSearchParams } from '@/lib/shop/listing-params';
import { looksLikeUrl, parseProductLink } from '@/lib/suppliers/parse-product-link';

type Props = {
  params: Promise<{ locale: string; currency: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Rendered per request: an empty box, a pasted link and very long words. Search words are sent by
// proxy.ts to the cached search/[query] instead.

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  return searchMetadata(locale, parseSearchParams(await searchParams).q);
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale, currency } = await params;
  if (!isLocale(locale)) return null;
  const raw = await searchParams;
  const { q, page } = parseSearchParams(raw);
  // Search words are cut at 200 characters; a pasted link keeps its length (tracking parameters
  // often push the listing id past that).
  const pasted = typeof raw.q === 'string' ? raw.q.trim().slice(0, 2000) : q;
  if (!looksLikeUrl(pasted)) return <SearchResults locale={locale} currency={currency} q={q} page={page} />;

  // A pasted link is not searched for. A listing we carry opens at once; anything else lands in the
  // paste box, filled in, with a word on what it is. The import itself waits for the shopper's click:
  // this page answers GET, which crawlers, prefetches and shared URLs make too, and each import calls
  // the marketplace.
  const linkText = await getTranslations({ locale, namespace: 'suppliers.linkImport' });
  const parsed = parseProductLink(pasted);
  let linkMessage: string;
  if (parsed.kind === 'product') {
    const product = await findProductBySource(getDb(), parsed.link.platform, parsed.link.id);
    if (product) redirect(shopPaths.product(locale, product.slug));
    linkMessage = linkText('linkDetected', { platform: await platformName(locale, parsed.link.platform) });
  } else if (parsed.kind === 'short') {
    linkMessage = linkText('errors.short_link', { platform: await platformName(locale, parsed.platform) });
  } else if (parsed.platform) {
    linkMessage = linkText('errors.not_a_listing', { platform: await platformName(locale, parsed.platform) });
  } else {
    const t = await getTranslations({ locale, namespace: 'search' });
    linkMessage = t('linkUnsupported');
  }
  return <SearchResults locale={locale} currency={currency} q={q} page={page} pastedLink={pasted} linkMessage={linkMessage} />;
}
