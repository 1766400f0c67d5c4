import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { listAddresses } from '@/lib/addresses/address-book';
import { countryOptions } from '@/lib/addresses/countries';
import { addressFormHints } from '@/lib/addresses/form-hints';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { getCart } from '@/lib/cart/get-cart';
import { cartPaths } from '@/lib/cart/paths';
import { checkoutRate } from '@/lib/checkout/checkout-rate';
import { checkoutSettings, codCountries } from '@/lib/checkout/settings';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { isLocale } from '@/lib/i18n/locales';
import { isSupportedCurrency } from '@/lib/money/currencies';
import { formatInstant } from '@/lib/orders/format-instant';
import { getSettings } from '@/lib/settings/read-settings';
import { mediaUrl } from '@/lib/shop/paths';
import { formatCny, formatRate } from '@/lib/shop/price';
import { specValues } from '@/lib/catalog/spec-names';
import { isolate } from '@/lib/i18n/bidi';
import { formatStoredMoney } from '@/lib/money';
import { walletBalanceIn } from '@/lib/wallet/queries';

// The account area's form styles (fields, hints, errors, secondary buttons): these pages use the same controls.
import '@/app/[locale]/(account)/account.css';

type Params = { params: Promise<{ locale: string; currency: string }> };

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: 'checkout' });
  return { title: `${t('metaTitle')} | Ferry`, robots: { index: false, follow: false } };
}

export default async function CheckoutPage({ params }: Params) {
  const { locale, currency } = await params;
  if (!isLocale(locale) || !isSupportedCurrency(currency)) notFound();
  setRequestLocale(locale);
  const user = await requireUserOrRedirect(locale, cartPaths.checkout(locale));
  const db = getDb();
  const env = getEnv();
  const [cart, addresses, rate, t, messages, agentSettings, balance, tw] = await Promise.all([
    getCart(db, { kind: 'user', userId: user.id }, locale),
    listAddresses(db, user.id),
    checkoutRate(db, currency),
    getTranslations({ locale, namespace: 'checkout' }),
    getMessages({ locale }),
    getSettings(db),
    walletBalanceIn(db, user.id, currency),
    getTranslations({ locale, namespace: 'wallet.pay' }),
  ]);

  if (cart.lines.length === 0) {
    return (
      <section className="checkout-page" data-testid="checkout-empty">
        <h1>{t('title')}</h1>
        <p>{t('empty')}</p>
        <p>
          <Link href={cartPaths.cart(locale)}>{t('backToCart')}</Link>
        </p>
      </section>
    );
  }

  const countries = countryOptions(locale);
  const countryName = new Map(countries.map((c) => [c.code, c.name]));
  const rateText =
    rate.currency === 'CNY'
      ? t('rateCny')
      : t('rate', { rate: formatRate(rate.rate, locale), currency: rate.currency, source: rate.source, time: formatInstant(rate.capturedAt, locale) });

  const items = (
    <ul className="checkout-items" role="list" data-testid="checkout-items">
      {cart.lines.map((line) => (
        <li key={line.id} className="checkout-item">
          {line.imageKey ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={mediaUrl(line.imageKey, 200)} width={48} height={48} alt="" loading="lazy" decoding="async" />
          ) : (
            <span className="checkout-item-image" aria-hidden="true" />
          )}
          <span className="checkout-item-text">
            <bdi lang={line.titleLang.lang}>{line.title}</bdi>
            {/* Only the parts a line has: a SKU without options leaves no empty " · ". */}
            {specValues(line.attributes) && (
              <span className="muted small">
                {' · '}
                <bdi data-testid="checkout-item-options">{specValues(line.attributes)}</bdi>
              </span>
            )}
            <span className="muted small">
              {' · '}
              {t('quantityTimes', { quantity: line.quantity, price: isolate(formatCny(line.unitPriceCny, locale)) })}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="checkout-page">
      <h1>{t('title')}</h1>
      <p className="small">
        <Link href={cartPaths.cart(locale)}>{t('editCart')}</Link>
      </p>
      <NextIntlClientProvider
        locale={locale}
        messages={{ checkout: messages.checkout, breakdown: messages.breakdown, addresses: messages.addresses, addressErrors: messages.addressErrors }}
      >
        <CheckoutForm
          locale={locale}
          // A fresh token per render: a re-render after a refused submit is a new attempt, a double
          // submit of one render is not.
          checkoutToken={randomUUID()}
          cartSignature={cart.signature}
          rate={rate}
          rateText={rateText}
          lines={cart.lines.map((l) => ({ skuId: l.skuId, sellerId: l.sellerId, unitPriceCny: l.unitPriceCny, quantity: l.quantity, domesticShippingCny: l.domesticShippingCny }))}
          sellers={cart.groups.map((g) => ({ sellerId: g.sellerId, sellerName: g.sellerName, domesticShippingCny: g.domesticShippingCny }))}
          settings={checkoutSettings(env)}
          codCountries={codCountries(env)}
          codConfirmationHours={agentSettings['cod.confirmationHours']}
          savedAddresses={addresses.map((a) => ({
            id: a.id,
            name: a.name,
            country: a.country,
            isDefault: a.isDefault,
            summary: [a.line1, a.line2, a.city, a.region, a.postalCode, countryName.get(a.country) ?? a.country].filter(Boolean).join(', '),
          }))}
          countries={countries}
          hints={addressFormHints()}
          defaultCountry={addresses[0]?.country ?? ''}
          items={items}
          wallet={balance > 0 ? { label: tw('checkoutUse', { balance: isolate(formatStoredMoney(balance, currency, locale)) }), hint: tw('checkoutUseHint') } : undefined}
        />
      </NextIntlClientProvider>
    </div>
  );
}
