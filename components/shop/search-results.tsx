import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LinkImportBox } from '@/components/shop/link-import-box';
import { Pagination } from '@/components/shop/pagination';
import { ProductGrid } from '@/components/shop/product-grid';
import { SearchForm } from '@/components/shop/search-form';
import { cachedSearch } from '@/lib/catalog/cached-reads';
import type { Locale } from '@/lib/i18n/locales';
import { listingPageSize } from '@/lib/shop/listing-params';
import { shopPaths } from '@/lib/shop/paths';
import { pageRate } from '@/lib/shop/rates';

/*
 * The search page's body, for its two routes: search words are a cached page per (locale, currency,
 * words, page) (search/[query], see lib/shop/listing-views.ts); a pasted link, an empty box and words
 * too long for a path render per request (search/page.tsx), which also says what a link was.
 */

export async function searchMetadata(locale: string, q: string): Promise<Metadata> {
  const [t, nav] = await Promise.all([getTranslations({ locale, namespace: 'meta' }), getTranslations({ locale, namespace: 'nav' })]);
  // Result pages are for shoppers, not for the index.
  return { title: `${q ? t('searchTitle', { query: q }) : nav('search')} | Ferry`, robots: { index: false, follow: true } };
}

type Props = {
  locale: Locale;
  currency: string;
  q: string;
  page: number;
  /** A pasted link, shown again in the paste box. */
  pastedLink?: string;
  /** What the pasted link turned out to be; no search is made then. */
  linkMessage?: string | null;
};

export async function SearchResults({ locale, currency, q, page, pastedLink, linkMessage = null }: Props) {
  setRequestLocale(locale);
  const [t, nav, listing, linkText, rate] = await Promise.all([
    getTranslations({ locale, namespace: 'search' }),
    getTranslations({ locale, namespace: 'nav' }),
    getTranslations({ locale, namespace: 'listing' }),
    getTranslations({ locale, namespace: 'suppliers.linkImport' }),
    pageRate(currency),
  ]);
  const isLink = pastedLink !== undefined;
  const results = q && !linkMessage ? await cachedSearch(q, locale, page, listingPageSize) : null;
  const pages = results ? Math.max(1, Math.ceil(results.total / listingPageSize)) : 1;

  const linkBox = (
    <section className="link-import" aria-labelledby="link-import-title">
      <h2 id="link-import-title">{linkText('searchTitle')}</h2>
      <LinkImportBox locale={locale} id="search-paste-link" defaultValue={pastedLink} />
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
