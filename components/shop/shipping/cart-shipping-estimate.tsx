import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Money } from '@/components/bidi/money';
import { cachedRates } from '@/lib/catalog/cached-reads';
import { getDb } from '@/lib/db';
import { isolate } from '@/lib/i18n/bidi';
import { formatMoney, type CurrencyCode } from '@/lib/money';
import { cachedActiveLines } from '@/lib/shipping/cached-lines';
import { countryName, formatWeight } from '@/lib/shipping/format';
import type { ShippingGood } from '@/lib/shipping/goods';
import { estimatedParcel } from '@/lib/shipping/nominal-box';
import { quoteShipping } from '@/lib/shipping/quote-shipping';
import { shopPaths } from '@/lib/shop/paths';
import './shipping.css';

type Props = { locale: string; currency: CurrencyCode; country: string; itemGrams: number; goods: readonly ShippingGood[] };

/**
 * The cart's shipping estimate: the cheapest line for the cart's estimated weight (catalog weights
 * × quantities, plus packing) and goods (every product's flags) to the shopper's country, and a link to compare every line. The cart is
 * rendered per request, so it quotes on the server through the same function as everything else.
 */
export async function CartShippingEstimate({ locale, currency, country, itemGrams, goods }: Props) {
  const parcel = estimatedParcel(itemGrams);
  if (!parcel) return null;
  const t = await getTranslations({ locale, namespace: 'shipping.estimate' });
  const [lines, rates] = await Promise.all([cachedActiveLines(), cachedRates()]);
  const result = await quoteShipping(getDb(), { country, grams: parcel.grams, dims: parcel.dims, goods, currency, locale }, { lines, rates });
  const cheapest = result.quotes[0];
  const weight = isolate(formatWeight(parcel.grams, locale));
  const where = countryName(country, locale);
  const query = new URLSearchParams({ country, weightGrams: String(parcel.grams), lengthCm: String(parcel.dims.lengthCm), widthCm: String(parcel.dims.widthCm), heightCm: String(parcel.dims.heightCm), ...(goods.length ? { goods: goods.join(',') } : {}) });
  return (
    <section className="shipping-estimate" aria-labelledby="cart-shipping-title" data-testid="cart-shipping-estimate" data-country={country}>
      <h3 id="cart-shipping-title">{t('cartTitle')}</h3>
      {cheapest ? (
        <p data-line-id={cheapest.lineId} data-price-minor={cheapest.price.amountMinor} data-grams={parcel.grams}>
          {t('cart', { price: isolate(formatMoney(cheapest.price, locale)), country: where, line: isolate(cheapest.name), weight })}
          {cheapest.price.currency !== 'CNY' && (
            <span className="muted">
              {' ('}
              <Money>{formatMoney(cheapest.priceCny, locale)}</Money>)
            </span>
          )}
        </p>
      ) : (
        <p>{t('cartNone', { weight, country: where })}</p>
      )}
      <Link href={shopPaths.shipping(locale, query)} data-testid="cart-shipping-compare">
        {t('compare')}
      </Link>
    </section>
  );
}
