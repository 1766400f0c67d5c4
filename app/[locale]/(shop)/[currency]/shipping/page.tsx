import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { EstimatorFormView } from '@/components/shop/shipping/estimator-form';
import { QuoteResults } from '@/components/shop/shipping/quote-results';
import { RememberShipCountry } from '@/components/shop/shipping/remember-country';
import { cachedRates } from '@/lib/catalog/cached-reads';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { isSupportedCurrency } from '@/lib/money/currencies';
import { localizedMetadata } from '@/lib/seo/alternates';
import { cachedActiveLines } from '@/lib/shipping/cached-lines';
import { isEstimatorSubmitted, readEstimatorForm } from '@/lib/shipping/estimator-form';
import { quoteShipping } from '@/lib/shipping/quote-shipping';
import { shopPaths } from '@/lib/shop/paths';
import { shopperShippingCountry } from '@/lib/shop/shipping-country';
import '@/app/[locale]/(account)/account.css';
import '@/components/shop/shipping/shipping.css';

type Props = {
  params: Promise<{ locale: string; currency: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Answered per request: the form is a GET, and a first visit estimates for the shopper's own country.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: 'shipping' });
  // Indexable; every filled-in variant names the bare page as canonical.
  return { title: `${t('metaTitle')} | Ferry`, ...localizedMetadata(locale, (l) => shopPaths.shipping(l), { title: t('metaTitle'), description: t('metaDescription') }) };
}

export default async function ShippingEstimatorPage({ params, searchParams }: Props) {
  const { locale, currency } = await params;
  if (!isLocale(locale) || !isSupportedCurrency(currency)) notFound();
  setRequestLocale(locale);
  const [query, t] = await Promise.all([searchParams, getTranslations({ locale, namespace: 'shipping' })]);
  // The shopper's own country only when the form names none (a first visit).
  const country = isEstimatorSubmitted(query) ? '' : await shopperShippingCountry(locale);
  const form = readEstimatorForm(query, country, currency, locale);
  const [lines, rates] = form.request ? await Promise.all([cachedActiveLines(), cachedRates()]) : [null, null];
  const result = form.request && lines && rates ? await quoteShipping(getDb(), form.request, { lines, rates }) : null;

  return (
    <div className="estimator">
      <h1 id="estimator-title">{t('title')}</h1>
      <p className="estimator-intro">{t('intro')}</p>
      <EstimatorFormView locale={locale} form={form} />
      {Object.keys(form.errors).length > 0 && (
        <p className="form-error" role="alert" data-testid="estimator-fix">
          {t('errors.fix')}
        </p>
      )}
      {form.request && result && (
        <>
          <QuoteResults locale={locale} request={form.request} result={result} />
          <RememberShipCountry country={form.request.country} />
        </>
      )}
    </div>
  );
}
