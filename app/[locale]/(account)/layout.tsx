import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/shop/site-footer';
import { SiteHeader } from '@/components/shop/site-header';
import { cachedCategoryTree } from '@/lib/catalog/cached-reads';
import { isLocale } from '@/lib/i18n/locales';
import { resolveCurrency } from '@/lib/money/locale-currency';
import { CURRENCY_COOKIE } from '@/lib/shop/preferences';
import './account.css';

// Account pages depend on the signed-in user: rendered per request, never indexed.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** The namespaces the account's client components read (the rest of the catalogue stays on the server). */
const clientNamespaces = ['account', 'auth', 'formErrors', 'addresses', 'addressErrors', 'wallet'] as const;

/**
 * The shopper's frame: the storefront header and footer around account pages. Not a guard: each
 * page checks the session itself (requireUserOrRedirect).
 */
export default async function AccountLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [messages, tree, cookieStore] = await Promise.all([getMessages({ locale }), cachedCategoryTree(locale), cookies()]);
  const currency = resolveCurrency(cookieStore.get(CURRENCY_COOKIE)?.value, locale);
  const clientMessages = Object.fromEntries(clientNamespaces.map((ns) => [ns, messages[ns]]));
  return (
    <>
      <SiteHeader locale={locale} currency={currency} tree={tree} />
      <main id="main" className="container main account-main">
        <NextIntlClientProvider locale={locale} messages={clientMessages}>
          {children}
        </NextIntlClientProvider>
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
