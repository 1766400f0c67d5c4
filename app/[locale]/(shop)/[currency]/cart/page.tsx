import type { Metadata } from 'next';
import Link from 'next/link';
import { Fragment } from 'react';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { CartLineControls } from '@/components/cart/cart-line-controls';
import { accountPaths } from '@/lib/auth/paths';
import { currentCartOwner } from '@/lib/cart/cart-owner';
import { getCart } from '@/lib/cart/get-cart';
import { summarizeCart } from '@/lib/cart/group-lines';
import { cartPaths } from '@/lib/cart/paths';
import type { CartLine } from '@/lib/cart/types';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { isSupportedCurrency } from '@/lib/money/currencies';
import { formatMoney } from '@/lib/money/format';
import { mediaUrl, shopPaths } from '@/lib/shop/paths';
import type { Money as MoneyValue } from '@/lib/money';
import { displayLineTotals, displayPrice, formatCny, formatRate, formatRateDate, type PinnedRate } from '@/lib/shop/price';
import { pageRate } from '@/lib/shop/rates';
import { Money } from '@/components/bidi/money';
import { CartShippingEstimate } from '@/components/shop/shipping/cart-shipping-estimate';
import { unionGoods } from '@/lib/shipping/goods';
import { shopperShippingCountry } from '@/lib/shop/shipping-country';

// The account area's form styles (fields, hints, errors, secondary buttons): these pages use the same controls.
import '@/app/[locale]/(account)/account.css';

type Params = { params: Promise<{ locale: string; currency: string }> };

// The cart is the shopper's own: rendered per request, never cached or indexed.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: 'cart' });
  return { title: `${t('metaTitle')} | Ferry`, robots: { index: false, follow: false } };
}

/** `shown`: an amount already adjusted to add up (line totals); otherwise `cny` converted on its own. */
function Price({ cny, rate, locale, shown }: { cny: number; rate: PinnedRate; locale: string; shown?: MoneyValue }) {
  return (
    <>
      <strong>
        <Money>{shown ? formatMoney(shown, locale) : displayPrice(cny, rate, locale).text}</Money>
      </strong>
      {rate.currency !== 'CNY' && (
        <span className="muted small">
          {' ('}
          <Money>{formatCny(cny, locale)}</Money>)
        </span>
      )}
    </>
  );
}

export default async function CartPage({ params }: Params) {
  const { locale, currency } = await params;
  if (!isLocale(locale) || !isSupportedCurrency(currency)) notFound();
  setRequestLocale(locale);
  const owner = await currentCartOwner();
  const [cart, rate, t, messages] = await Promise.all([
    owner ? getCart(getDb(), owner, locale) : summarizeCart(null, []),
    pageRate(currency),
    getTranslations({ locale, namespace: 'cart' }),
    getMessages({ locale }),
  ]);

  if (cart.lines.length === 0) {
    return (
      <section className="cart-page cart-empty" data-testid="cart-empty">
        <h1>{t('title')}</h1>
        <p>{t('empty')}</p>
        <p>
          <Link href={shopPaths.home(locale)}>{t('continueShopping')}</Link>
        </p>
      </section>
    );
  }

  // Line totals adjusted to the subtotal, so what the shopper adds up is what the summary (and checkout) says.
  const shownTotals = displayLineTotals(
    cart.lines.map((line) => line.unitPriceCny * line.quantity),
    rate,
  );
  const shownTotal = new Map(cart.lines.map((line, index) => [line.id, shownTotals.lines[index]]));
  const isSignedIn = owner?.kind === 'user';
  // Units no longer on sale will not ship: the estimate weighs what checkout would buy.
  const itemGrams = cart.lines.filter((line) => line.isActive).reduce((total, line) => total + line.weightGrams * line.quantity, 0);
  const goods = unionGoods(cart.lines.filter((line) => line.isActive).map((line) => line.goods));
  const shipCountry = await shopperShippingCountry(locale);
  const hasProblems = cart.lines.some((line) => !line.isActive || line.quantity > line.sellable);
  const stockNote = (line: CartLine) =>
    !line.isActive ? t('notSold') : line.sellable === 0 ? t('soldOut') : line.quantity > line.sellable ? t('overStock', { count: line.sellable }) : t('available', { count: line.sellable });

  return (
    <NextIntlClientProvider locale={locale} messages={{ cart: messages.cart }}>
      <div className="cart-page">
        <h1>{t('title')}</h1>
        <div className="cart-layout">
          <div className="cart-groups">
            {cart.groups.map((group) => (
              <section key={group.sellerId} className="cart-seller" aria-labelledby={`seller-${group.sellerId}`} data-testid="cart-seller">
                <h2 id={`seller-${group.sellerId}`}>
                  {t('seller')} <span dir="auto">{group.sellerName}</span>
                </h2>
                <ul className="cart-lines" role="list">
                  {group.lines.map((line) => (
                    <li key={line.id} className="cart-line" data-testid="cart-line" data-sku-id={line.skuId} data-line-id={line.id}>
                      {line.imageKey ? (
                        // eslint-disable-next-line @next/next/no-img-element
                        <img className="cart-line-image" src={mediaUrl(line.imageKey, 200)} width={96} height={96} alt="" loading="lazy" decoding="async" />
                      ) : (
                        <span className="cart-line-image" aria-hidden="true" />
                      )}
                      <div className="cart-line-body">
                        <h3 className="cart-line-title">
                          <Link href={shopPaths.product(locale, line.slug)} lang={line.titleLang.lang} dir="auto">
                            {line.title}
                          </Link>
                        </h3>
                        {line.attributes.length > 0 && (
                          <p className="muted small cart-line-attributes">
                            {line.attributes
                              .filter((a) => a.value.trim())
                              .map((a, i) => (
                                <Fragment key={a.name}>
                                  {i > 0 && ' · '}
                                  <bdi>
                                    {a.name}: {a.value}
                                  </bdi>
                                </Fragment>
                              ))}
                          </p>
                        )}
                        <p className="cart-line-price" data-testid="line-unit-price">
                          <span className="muted small">{t('unitPrice')} </span>
                          <Price cny={line.unitPriceCny} rate={rate} locale={locale} />
                        </p>
                        <p id={`line-${line.id}-stock`} className={line.isActive && line.quantity <= line.sellable ? 'small stock' : 'small stock out'}>
                          {stockNote(line)}
                        </p>
                        <CartLineControls
                          locale={locale}
                          currency={currency}
                          line={{ id: line.id, title: line.title, quantity: line.quantity, remark: line.remark, sellable: line.sellable, isActive: line.isActive }}
                        />
                      </div>
                      <p className="cart-line-total" data-testid="line-total">
                        <span className="visually-hidden">{t('lineTotal')} </span>
                        <Price cny={line.unitPriceCny * line.quantity} rate={rate} locale={locale} shown={shownTotal.get(line.id)} />
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
          <aside className="cart-summary" aria-labelledby="cart-summary-title">
            <h2 id="cart-summary-title">{t('summary')}</h2>
            <dl className="summary-rows">
              <dt>{t('items', { count: cart.itemCount })}</dt>
              <dd data-testid="cart-subtotal">
                <Price cny={cart.itemsCny} rate={rate} locale={locale} shown={shownTotals.total} />
              </dd>
            </dl>
            <p className="muted small">{t('subtotalNote')}</p>
            {rate.currency !== 'CNY' && <p className="muted small">{t('rateNote', { rate: formatRate(rate.rate, locale), currency: rate.currency, date: formatRateDate(rate.capturedAt, locale) })}</p>}
            {hasProblems && (
              <p className="notice small" role="note">
                {t('fixLines')}
              </p>
            )}
            {isSignedIn ? (
              <Link href={cartPaths.checkout(locale)} className="primary button-link" data-testid="go-to-checkout">
                {t('checkout')}
              </Link>
            ) : (
              <>
                <Link href={accountPaths.signIn(locale, cartPaths.checkout(locale))} className="primary button-link" data-testid="sign-in-to-checkout">
                  {t('signInToCheckout')}
                </Link>
                <p className="small">
                  {t('newHere')} <Link href={accountPaths.signUp(locale, cartPaths.checkout(locale))}>{t('signUpToCheckout')}</Link>
                </p>
                <p className="muted small">{t('guestNote')}</p>
              </>
            )}
            <CartShippingEstimate locale={locale} currency={currency} country={shipCountry} itemGrams={itemGrams} goods={goods} />
          </aside>
        </div>
      </div>
    </NextIntlClientProvider>
  );
}
