import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Breadcrumbs } from '@/components/shop/breadcrumbs';
import { JsonLd } from '@/components/shop/json-ld';
import { Pagination } from '@/components/shop/pagination';
import { ProductGrid } from '@/components/shop/product-grid';
import { cachedCategoryTree, cachedProductList } from '@/lib/catalog/cached-reads';
import { descendantIds, findCategoryBySlug } from '@/lib/catalog/queries/get-category-tree';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { localizedMetadata } from '@/lib/seo/alternates';
import { absoluteUrl } from '@/lib/site-url';
import { type ListingParams, listingPageSize, listingQuery } from '@/lib/shop/listing-params';
import { shopPaths } from '@/lib/shop/paths';
import { boundToCnyMinor } from '@/lib/shop/price';
import { pageRate } from '@/lib/shop/rates';

/*
 * A category page for one view (sort, price bounds, page), rendered by the category's two cached
 * routes: its plain first page (c/[slug]) and every other view (c/[slug]/[view], see
 * lib/shop/listing-views.ts). Neither reads the query string, so both are ISR pages like products.
 */

type Where = { locale: string; currency: string; slug: string };

async function loadCategory({ locale, slug }: Where) {
  if (!isLocale(locale)) notFound();
  const tree = await cachedCategoryTree(locale);
  const category = findCategoryBySlug(tree, slug);
  if (!category) notFound();
  return { locale, tree, category };
}

/** The plain first page's list, which the description counts: the same cache entry as that page's own list (undefined bounds drop out of the key). */
const plainList = (categoryIds: number[], locale: string) =>
  cachedProductList({ categoryIds, sort: 'popular', page: 1, pageSize: listingPageSize }, locale);

export async function categoryMetadata(where: Where, view: ListingParams): Promise<Metadata> {
  const { locale, tree, category } = await loadCategory(where);
  const [t, list] = await Promise.all([getTranslations({ locale, namespace: 'meta' }), plainList(descendantIds(tree, category.id), locale)]);
  const description = t('categoryDescription', { category: category.name, count: list.total, currency: where.currency });
  // Filtered and sorted variants point at the plain category page; later pages keep their own URL.
  const path = (l: Locale) => `${shopPaths.category(l, category.slug)}${view.page > 1 ? `?page=${view.page}` : ''}`;
  return { title: `${category.name} | Ferry`, ...localizedMetadata(locale, path, { title: category.name, description }) };
}

export async function CategoryListing({ where, view }: { where: Where; view: ListingParams }) {
  const { locale, tree, category } = await loadCategory(where);
  setRequestLocale(locale);
  const [t, nav, productT, rate] = await Promise.all([
    getTranslations({ locale, namespace: 'listing' }),
    getTranslations({ locale, namespace: 'nav' }),
    getTranslations({ locale, namespace: 'product' }),
    pageRate(where.currency),
  ]);
  const categoryIds = descendantIds(tree, category.id);
  const list = await cachedProductList(
    { categoryIds, minPriceMinor: boundToCnyMinor(view.min, rate), maxPriceMinor: boundToCnyMinor(view.max, rate), sort: view.sort, page: view.page, pageSize: listingPageSize },
    locale,
  );
  const pages = Math.max(1, Math.ceil(list.total / listingPageSize));
  const base = shopPaths.category(locale, category.slug);
  const ancestors = category.pathIds.slice(0, -1).flatMap((id) => (tree.byId[id] ? [tree.byId[id]!] : []));
  const crumbs = [{ name: nav('home'), href: shopPaths.home(locale) }, ...ancestors.map((c) => ({ name: c.name, href: shopPaths.category(locale, c.slug) }))];

  return (
    <>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'BreadcrumbList',
          itemListElement: [...crumbs, { name: category.name, href: base }].map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: absoluteUrl(c.href) })),
        }}
      />
      {/* Named "Breadcrumb", not "Categories": the header's category nav already owns that landmark name. */}
      <Breadcrumbs crumbs={crumbs} label={productT('breadcrumbs')} current={category.name} />
      <h1>
        {category.name} <span className="muted small" lang="zh-CN">{category.nameZh}</span>
      </h1>
      {category.childIds.length > 0 && (
        <nav aria-label={t('subcategories')}>
          <ul className="chips" role="list">
            {category.childIds.map((id) => (
              <li key={id}>
                <Link href={shopPaths.category(locale, tree.byId[id]!.slug)}>{tree.byId[id]!.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <form className="filters" method="get" action={base}>
        <fieldset>
          <legend>{t('priceFilter', { currency: where.currency })}</legend>
          <label>
            <span className="visually-hidden">{t('minPrice')}</span>
            <input name="min" inputMode="decimal" pattern="\d+(\.\d{1,3})?" placeholder={t('minPrice')} defaultValue={view.min} size={8} />
          </label>
          <span aria-hidden="true">–</span>
          <label>
            <span className="visually-hidden">{t('maxPrice')}</span>
            <input name="max" inputMode="decimal" pattern="\d+(\.\d{1,3})?" placeholder={t('maxPrice')} defaultValue={view.max} size={8} />
          </label>
        </fieldset>
        <label className="sort">
          {t('sort')}{' '}
          <select name="sort" defaultValue={view.sort}>
            <option value="popular">{t('sortPopular')}</option>
            <option value="price-asc">{t('sortPriceAsc')}</option>
            <option value="price-desc">{t('sortPriceDesc')}</option>
            <option value="newest">{t('sortNewest')}</option>
          </select>
        </label>
        <button type="submit">{t('apply')}</button>
        {(view.min || view.max || view.sort !== 'popular') && <Link href={base}>{t('clearFilters')}</Link>}
      </form>
      <p className="muted" data-testid="result-count">
        {t('results', { count: list.total })}
      </p>
      {list.items.length > 0 ? <ProductGrid products={list.items} locale={locale} rate={rate} /> : <p>{t('empty')}</p>}
      <Pagination
        page={view.page}
        pages={pages}
        hrefFor={(p) => `${base}${listingQuery(view, { page: p })}`}
        labels={{ nav: t('pagination'), previous: t('previous'), next: t('next'), pageOf: t('pageOf', { page: view.page, pages }) }}
      />
    </>
  );
}
