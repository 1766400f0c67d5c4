import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LinkImportBox } from '@/components/shop/link-import-box';
import { Pagination } from '@/components/shop/pagination';
import { ProductGrid } from '@/components/shop/product-grid';
import { SearchForm } from '@/components/shop/search-form';
import { cachedSearch } from '@/lib/catalog/cached-reads';
import { findProductBySource } from '@/lib/catalog/queries/find-product-by-source';
import { getDb } from '@/lib/db';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { shopPaths } from '@/lib/shop/paths';
import { platformName } from '@/lib/suppliers/platform-name';
import { pageRate } from '@/lib/shop/rates';
import { listingPageSize, parseSearchParams } from '@/lib/shop/listing-params';
import { looksLikeUrl, parseProductLink } from '@/lib/suppliers/parse-product-link';

type Props = {
  params: Promise<{ locale: string; currency: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const { q } = parseSearchParams(await searchParams);
  const t = await getTranslations({ locale, namespace: 'meta' });
  const nav = await getTranslations({ locale, namespace: 'nav' });
  // Result pages are for shoppers, not for the index.
  return { title: `${q ? t('searchTitle', { query: q }) : nav('search')} | Ferry`, robots: { index: false, follow: true } };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale, currency } = await params;
  if (!isLocale(locale)) return null;
  setRequestLocale(locale as Locale);
  const raw = await searchParams;
  const { q, page } = parseSearchParams(raw);
  // Search words are cut at 200 characters; a pasted link keeps its length (tracking parameters
  // often push the listing id past that).
  const pasted = typeof raw.q === 'string' ? raw.q.trim().slice(0, 2000) : q;
  const [t, nav, listing, linkText, rate] = await Promise.all([
    getTranslations({ locale, namespace: 'search' }),
    getTranslations({ locale, namespace: 'nav' }),
    getTranslations({ locale, namespace: 'listing' }),
    getTranslations({ locale, namespace: 'suppliers.linkImport' }),
    pageRate(currency),
  ]);

  // A pasted link is not searched for. A listing we carry opens at once; anything else lands in the
  // paste box, filled in, with a word on what it is. The import itself waits for the shopper's click:
  // this page answers GET, which crawlers, prefetches and shared URLs make too, and each import calls
  // the marketplace.
  let linkMessage: string | null = null;
  const isLink = looksLikeUrl(pasted);
  if (isLink) {
    const parsed = parseProductLink(pasted);
    if (parsed.kind === 'product') {
      const product = await findProductBySource(getDb(), parsed.link.platform, parsed.link.id);
      if (product) redirect(shopPaths.product(locale, product.slug));
      linkMessage = linkText('linkDetected', { platform: await platformName(locale, parsed.link.platform) });
    } else if (parsed.kind === 'short') {
      linkMessage = linkText('errors.short_link', { platform: await platformName(locale, parsed.platform) });
    } else if (parsed.platform) {
      linkMessage = linkText('errors.not_a_listing', { platform: await platformName(locale, parsed.platform) });
    } else {
      linkMessage = t('linkUnsupported');
    }
  }
  const results = q && !linkMessage ? await cachedSearch(q, locale, page, listingPageSize) : null;
  const pages = results ? Math.max(1, Math.ceil(results.total / listingPageSize)) : 1;

  const linkBox = (
    <section className="link-import" aria-labelledby="link-import-title">
      <h2 id="link-import-title">{linkText('searchTitle')}</h2>
      <LinkImportBox locale={locale} id="search-paste-link" defaultValue={isLink ? pasted : undefined} />
    </section>
  );

  return (
    <>
      <h1>{q && !linkMessage ? t('resultsFor', { query: q }) : t('title')}</h1>
      <SearchForm locale={locale} label={nav('search')} placeholder={nav('searchPlaceholder')} button={nav('searchButton')} defaultValue={q} id="page-search" isLandmark={false} />
      {linkMessage && (
        <p className="notice" role="status">
          {linkMessage}
        </p>
      )}
      {!q && <p className="muted">{t('enterQuery')}</p>}
      {(isLink || !q) && linkBox}
      {results && results.total === 0 && <p role="status">{t('noResults', { query: q })}</p>}
      {results && results.total > 0 && (
        <>
          <p className="muted" data-testid="result-count">
            {listing('results', { count: results.total })}
          </p>
          <ProductGrid products={results.items} locale={locale} rate={rate} />
          <Pagination
            page={page}
            pages={pages}
            hrefFor={(p) => `${shopPaths.search(locale, q)}&page=${p}`}
            labels={{ nav: listing('pagination'), previous: listing('previous'), next: listing('next'), pageOf: listing('pageOf', { page, pages }) }}
          />
        </>
      )}
      {results && linkBox}
    </>
  );
}
