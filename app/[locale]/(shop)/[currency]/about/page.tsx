import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { type Locale } from '@/lib/i18n/locales';
import { supportedCurrencies } from '@/lib/money/currencies';
import { localizedMetadata } from '@/lib/seo/alternates';
import { capabilities, importableMarketplaces } from '@/lib/shop/capabilities';
import { shopPaths } from '@/lib/shop/paths';

type Params = { params: Promise<{ locale: string; currency: string }> };

// Prerendered at build for every locale and currency (also the benchmark's reference page).
export const dynamicParams = false;
export function generateStaticParams() {
  return supportedCurrencies.map((currency) => ({ currency }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'meta' });
  return {
    title: `${t('aboutTitle')} | Ferry`,
    ...localizedMetadata(locale as Locale, shopPaths.about, { title: t('aboutTitle'), description: t('aboutDescription') }),
  };
}

export default async function AboutPage({ params }: Params) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const [t, marketplaces] = await Promise.all([getTranslations({ locale, namespace: 'about' }), importableMarketplaces(locale)]);
  // Only what this shop carries out today (lib/shop/capabilities.ts); the steps grow as modules land.
  return (
    <article className="prose">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <h2>{t('buyTitle')}</h2>
      <p>{t('buyText', { marketplaces })}</p>
      <p>{t('followText')}</p>
      {capabilities.warehouseInspection && (
        <>
          <h2>{t('checkTitle')}</h2>
          <p>{t('checkText')}</p>
        </>
      )}
      {capabilities.internationalShipping && (
        <>
          <h2>{t('shipTitle')}</h2>
          <p>{t('shipText')}</p>
        </>
      )}
    </article>
  );
}
