'use client';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useSyncExternalStore } from 'react';
import { isolate } from '@/lib/i18n/bidi';
import { formatMoney, type CurrencyCode } from '@/lib/money';
import { pickShippingCountry, SHIP_COUNTRY_COOKIE } from '@/lib/shipping/destination';
import type { ShippingGood } from '@/lib/shipping/goods';
import { countryName, formatWeight } from '@/lib/shipping/format';
import { estimatedParcel } from '@/lib/shipping/nominal-box';
import { fetchShippingQuote, shippingKeys, type QuoteParams } from '@/lib/shipping/query-keys';
import { shopPaths } from '@/lib/shop/paths';

type Props = { locale: string; currency: CurrencyCode; itemGrams: number; goods: readonly ShippingGood[] };

const noSubscription = () => () => undefined;

function browserCountry(locale: string): string {
  const chosen = document.cookie
    .split('; ')
    .find((part) => part.startsWith(`${SHIP_COUNTRY_COOKIE}=`))
    ?.slice(SHIP_COUNTRY_COOKIE.length + 1);
  return pickShippingCountry({ chosen: chosen ? decodeURIComponent(chosen) : null, languages: navigator.languages ?? [navigator.language], locale });
}

/**
 * "Shipping to Germany: about €12.34 by Economy Air" on the product page. The page is one cached
 * render for everyone (ISR), so the destination is the shopper's own business: it is read in the
 * browser (the estimator's remembered choice, else the browser's region or language) and the
 * cheapest line comes from the public quote API. The server renders only the placeholder.
 */
export function ProductShippingEstimate({ locale, currency, itemGrams, goods }: Props) {
  const t = useTranslations('shipping.estimate');
  const country = useSyncExternalStore(noSubscription, () => browserCountry(locale), () => null);
  const parcel = estimatedParcel(itemGrams);
  const params: QuoteParams | null =
    country && parcel ? { country, weightGrams: parcel.grams, ...parcel.dims, currency, goods, locale } : null;
  const { data, isError } = useQuery({
    queryKey: params ? shippingKeys.quote(params) : shippingKeys.all,
    queryFn: () => fetchShippingQuote(params!),
    enabled: params !== null,
    staleTime: 60_000,
  });
  if (!parcel) return null;
  const query = params ? new URLSearchParams({ country: params.country, weightGrams: String(params.weightGrams), lengthCm: String(params.lengthCm), widthCm: String(params.widthCm), heightCm: String(params.heightCm), ...(goods.length ? { goods: goods.join(',') } : {}) }) : undefined;
  const cheapest = data?.quotes[0];
  const where = country ? countryName(country, locale) : '';
  return (
    <div className="shipping-estimate" data-testid="product-shipping-estimate" data-country={country ?? ''} aria-live="polite">
      {isError ? (
        <p className="muted small">{t('failed')}</p>
      ) : !data ? (
        <p className="muted small">{t('loading')}</p>
      ) : cheapest ? (
        <>
          <p data-testid="product-shipping-cheapest" data-line-id={cheapest.lineId} data-price-minor={cheapest.price.amountMinor}>
            {t('product', { country: where, price: isolate(formatMoney(cheapest.price, locale)), line: isolate(cheapest.name) })}
          </p>
          <p className="muted small">{t('productNote', { weight: isolate(formatWeight(parcel.grams, locale)) })}</p>
        </>
      ) : (
        <p className="muted small">{t('none', { country: where })}</p>
      )}
      <Link className="small" href={shopPaths.shipping(locale, query)} prefetch={false}>
        {t('compare')}
      </Link>
    </div>
  );
}
