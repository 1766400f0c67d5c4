import type { Metadata } from 'next';
import { InfoPageBody, infoPageMetadata } from '@/components/shop/info-page';
import { supportedCurrencies } from '@/lib/money/currencies';

type Params = { params: Promise<{ locale: string; currency: string }> };

// Prerendered at build for every locale and currency, like the about page.
export const dynamicParams = false;
export function generateStaticParams() {
  return supportedCurrencies.map((currency) => ({ currency }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return infoPageMetadata((await params).locale, 'terms');
}

export default async function TermsPage({ params }: Params) {
  return <InfoPageBody locale={(await params).locale} page="terms" />;
}
