import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SearchResults, searchMetadata } from '@/components/shop/search-results';
import { isLocale } from '@/lib/i18n/locales';
import { parseSearchViewSegment } from '@/lib/shop/listing-views';

type Props = { params: Promise<{ locale: string; currency: string; query: string }> };

// Search words and page, which proxy.ts rewrites into this segment (lib/shop/listing-views.ts): a
// cached page per (locale, currency, words, page), expired with the catalog's listing tag like the
// category pages.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

async function load(params: Props['params']) {
  const { locale, currency, query } = await params;
  const search = parseSearchViewSegment(query);
  if (!isLocale(locale) || !search) notFound();
  return { locale, currency, ...search };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, q } = await load(params);
  return searchMetadata(locale, q);
}

export default async function SearchViewPage({ params }: Props) {
  const { locale, currency, q, page } = await load(params);
  return <SearchResults locale={locale} currency={currency} q={q} page={page} />;
}
