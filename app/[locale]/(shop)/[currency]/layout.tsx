import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/shop/site-footer';
import { SiteHeader } from '@/components/shop/site-header';
import { cachedCategoryTree } from '@/lib/catalog/cached-reads';
import { isLocale } from '@/lib/i18n/locales';
import { isSupportedCurrency } from '@/lib/money/locale-currency';

// The currency segment is added by proxy.ts from the shopper's cookie; public URLs never show it.
export default async function ShopLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string; currency: string }> }) {
  const { locale, currency } = await params;
  if (!isLocale(locale) || !isSupportedCurrency(currency)) notFound();
  setRequestLocale(locale);
  const tree = await cachedCategoryTree(locale);
  return (
    <>
      <SiteHeader locale={locale} currency={currency} tree={tree} />
      <main id="main" className="container main">
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
