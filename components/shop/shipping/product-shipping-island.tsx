import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { CurrencyCode } from '@/lib/money';
import type { ShippingGood } from '@/lib/shipping/goods';
import { ProductShippingEstimate } from './product-shipping-estimate';
import './shipping.css';

/** The product page's shipping estimate with only the words it needs sent to the browser. */
export async function ProductShippingIsland({ locale, currency, itemGrams, goods }: { locale: string; currency: CurrencyCode; itemGrams: number; goods: readonly ShippingGood[] }) {
  const messages = (await getMessages({ locale })) as { shipping: { estimate: Record<string, string> } };
  return (
    <NextIntlClientProvider locale={locale} messages={{ shipping: { estimate: messages.shipping.estimate } }}>
      <ProductShippingEstimate locale={locale} currency={currency} itemGrams={itemGrams} goods={goods} />
    </NextIntlClientProvider>
  );
}
