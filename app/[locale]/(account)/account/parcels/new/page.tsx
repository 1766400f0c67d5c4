import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Money } from '@/components/bidi/money';
import { ActionForm } from '@/components/parcels/action-form';
import { reasonText } from '@/components/shop/shipping/reason-text';
import { parcelServices } from '@/db/schema/parcels';
import { listAddresses } from '@/lib/addresses/address-book';
import { accountPaths } from '@/lib/auth/paths';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money';
import { resolveCurrency } from '@/lib/money/locale-currency';
import { goodsOfItems } from '@/lib/parcels/parcel-goods';
import { parcelableItems } from '@/lib/parcels/queries';
import { quoteParcel } from '@/lib/parcels/quote-parcel';
import { listOf } from '@/lib/shipping/format';
import { unionGoods } from '@/lib/shipping/goods';
import { CURRENCY_COOKIE } from '@/lib/shop/preferences';
import { createParcelAction } from '../actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ items?: string | string[]; address?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'parcels' });
  return { title: `${t('new')} | Ferry` };
}

/**
 * A new parcel in two steps that work without JavaScript: pick accepted items and an address (a GET
 * form), then see every line's quote for exactly those items (the same function the parcel's estimate
 * uses), tick services and create the parcel; paying follows on the parcel's page.
 */
export default async function NewParcelPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const user = await requireUserOrRedirect(locale, accountPaths.newParcel(locale));
  const query = await searchParams;
  const db = getDb();
  const [t, tShipping, items, addresses, cookieStore] = await Promise.all([
    getTranslations({ locale, namespace: 'parcels' }),
    getTranslations({ locale, namespace: 'shipping' }),
    parcelableItems(db, { type: 'user', userId: user.id }),
    listAddresses(db, user.id),
    cookies(),
  ]);
  const currency = resolveCurrency(cookieStore.get(CURRENCY_COOKIE)?.value, locale);
  const chosenIds = new Set([query.items ?? []].flat().map(Number));
  const chosen = items.filter((item) => chosenIds.has(item.itemId));
  const address = addresses.find((a) => String(a.id) === query.address) ?? null;
  // What each item is (a battery, a liquid…): the parcel holds all of it, and lines refusing any of it are listed as not available.
  const { byItem: goods } = await goodsOfItems(db, items.map((item) => item.itemId));
  const goodsOf = (itemId: number) => goods.get(itemId) ?? [];
  const quoted =
    chosen.length > 0 && address
      ? await quoteParcel(db, {
          items: chosen,
          country: address.country,
          currency,
          declaredValueCny: chosen.reduce((total, item) => total + item.unitPriceCnyMinor * item.quantity, 0),
          goods: unionGoods(chosen.map((item) => goodsOf(item.itemId))),
          locale,
        })
      : null;
  return (
    <>
      <p>
        <Link href={accountPaths.parcels(locale)}>{t('back')}</Link>
      </p>
      <h1>{t('new')}</h1>
      {items.length === 0 ? (
        <p className="muted" data-testid="no-items">
          {t('noItems')}
        </p>
      ) : addresses.length === 0 ? (
        <p>
          <Link href={accountPaths.addresses(locale)}>{t('noAddress')}</Link>
        </p>
      ) : (
        <form method="get" className="account-form" data-testid="parcel-pick">
          <fieldset>
            <legend>{t('pickItems')}</legend>
            {items.map((item) => (
              <label key={item.itemId} className="checkbox">
                <input type="checkbox" name="items" value={item.itemId} defaultChecked={chosenIds.has(item.itemId)} />
                <span dir="ltr">{item.orderNumber}</span> · {item.title} × {item.quantity} {item.weightGrams ? `(${item.weightGrams} g)` : ''}
                {goodsOf(item.itemId).length > 0 && (
                  <span className="muted small" data-testid="item-goods" data-goods={goodsOf(item.itemId).join(' ')}>
                    {' '}
                    · {t('itemGoods', { goods: listOf(goodsOf(item.itemId).map((good) => tShipping(`goodsWords.${good}`)), locale) })}
                  </span>
                )}
              </label>
            ))}
          </fieldset>
          <label>
            {t('address')}
            <select name="address" defaultValue={address ? String(address.id) : String(addresses.find((a) => a.isDefault)?.id ?? addresses[0]!.id)}>
              {addresses.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}, {a.city}, {a.country}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" data-testid="show-lines">
            {t('showLines')}
          </button>
        </form>
      )}
      {quoted && address && (
        <ActionForm action={createParcelAction} className="account-form" testId="parcel-create">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="addressId" value={address.id} />
          <input type="hidden" name="currency" value={currency} />
          {chosen.map((item) => (
            <input key={item.itemId} type="hidden" name="items" value={item.itemId} />
          ))}
          <fieldset>
            <legend>{t('line')}</legend>
            {quoted.result.quotes.map((quote, index) => (
              <label key={quote.lineId} className="checkbox" data-line={quote.code}>
                <input type="radio" name="lineId" value={quote.lineId} defaultChecked={index === 0} required />
                {quote.name} · {t('chargeable', { grams: quote.chargeableGrams })} · <Money>{formatStoredMoney(quote.price.amountMinor, quote.price.currency, locale)}</Money> ·{' '}
                {t('days', { min: quote.days.min, max: quote.days.max })}
              </label>
            ))}
            {quoted.result.unavailable.map((line) => (
              <p key={line.lineId} className="muted small" data-testid="line-unavailable" data-line={line.code} data-reason={line.reason}>
                {line.name}: {t('unavailable', { reason: line.reasons.map((reason) => reasonText(tShipping, reason, locale)).join(' ') })}
              </p>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('services')}</legend>
            {parcelServices.map((service) => (
              <label key={service} className="checkbox">
                <input type="checkbox" name="services" value={service} /> {t(`serviceNames.${service}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary" data-testid="create-parcel">
            {t('create')}
          </button>
        </ActionForm>
      )}
    </>
  );
}
