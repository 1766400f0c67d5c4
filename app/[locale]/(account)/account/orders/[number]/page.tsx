import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { PriceBreakdown } from '@/components/checkout/price-breakdown';
import { OrderStatusBadge } from '@/components/orders/order-status-badge';
import { PaymentPoller } from '@/components/orders/payment-poller';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { convertOrderBreakdown } from '@/lib/checkout/pricing';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locales';
import { formatStoredMoney, isSupportedCurrency } from '@/lib/money';
import { getOrderDetail } from '@/lib/orders/queries/get-order-detail';
import { formatInstant } from '@/lib/orders/format-instant';
import { orderPaths } from '@/lib/orders/paths';
import { orderKeys } from '@/lib/orders/query-keys';
import { terminalStatuses } from '@/lib/orders/transitions';
import { paymentUrl } from '@/lib/payments/pay-link';
import { formatCny, formatRate } from '@/lib/shop/price';
import { CancelOrderForm } from './cancel-order-form';
import { PriceDifferences } from './price-differences';
import { Money } from '@/components/bidi/money';
import { isolate } from '@/lib/i18n/bidi';
import { listOrderParcels } from '@/lib/warehouse/queries/list-order-parcels';
import { getEnv } from '@/lib/env';
import { getSettings } from '@/lib/settings/read-settings';
import { morePhotosCharge } from '@/lib/warehouse/decisions/more-photos-charge';
import { listItemQc } from '@/lib/warehouse/queries/list-item-qc';
import { walletBalancesOf } from '@/lib/wallet/queries';
import { ItemQc } from './item-qc';
import { WalletPayForm } from './wallet-pay-form';
import { itemStateText, OrderItemRow, ParcelRow, ShippingAddressBlock } from './order-parts';

type Props = { params: Promise<{ locale: string; number: string }>; searchParams: Promise<{ payment?: string | string[]; difference?: string | string[]; cancelled?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, number } = await params;
  const t = await getTranslations({ locale, namespace: 'orders' });
  return { title: `${t('orderTitle', { number })} | Ferry` };
}

const ledgerLabel = { charge: 'ledgerCharge', refund: 'ledgerRefund', failure: 'ledgerFailure', cod_due: 'ledgerCodDue' } as const;
const serviceLabel = { extra_qc_photos: 'extraQcPhotos', careful_packing: 'carefulPacking' } as const;

export default async function OrderPage({ params, searchParams }: Props) {
  const { locale, number } = await params;
  setRequestLocale(locale as Locale);
  const user = await requireUserOrRedirect(locale, orderPaths.order(locale, number));
  const order = await getOrderDetail(getDb(), user.id, number, locale);
  if (!order) notFound();
  const [t, ts, tq, messages, query, parcels, agentSettings] = await Promise.all([
    getTranslations({ locale, namespace: 'orders' }),
    getTranslations({ locale, namespace: 'orderStatus' }),
    getTranslations({ locale, namespace: 'qc' }),
    getMessages({ locale }),
    searchParams,
    // The lines are the shopper's own (getOrderDetail is scoped to them), so their parcels are too.
    listOrderParcels(getDb(), order.items.map((item) => item.id)),
    getSettings(getDb()),
  ]);
  // QC: items in the warehouse or past a decision (never one still upstream).
  const qcItems = await listItemQc(
    getDb(),
    order.items.filter((item) => item.fulfilmentStatus !== 'upstream').map((item) => item.id),
    { decisionHours: agentSettings['warehouse.qcDecisionHours'], warningHours: agentSettings['warehouse.qcWarningHours'] },
  );
  const secretKey = getEnv().FERRY_SECRET_KEY;
  // The wallet's "pay from my balance" for more photos, only when some item waits for a decision.
  // …and for an unpaid card order the balance has not paid part of yet.
  const canPayFromWallet = order.status === 'pending' && order.gateway !== 'cod' && order.walletPaidMinor === 0;
  const [walletBalances, tw] = qcItems.size > 0 || canPayFromWallet || order.walletPaidMinor > 0 ? await Promise.all([walletBalancesOf(getDb(), user.id), getTranslations({ locale, namespace: 'wallet.pay' })]) : [[], null];
  const walletForQc = tw && qcItems.size > 0 ? { balances: walletBalances, pay: (balance: string) => tw('morePhotosFromBalance', { balance }), insufficient: tw('insufficient') } : undefined;
  const orderBalance = walletBalances.find((b) => b.currency === order.chargeCurrency && b.amountMinor > 0);
  const newCharge = morePhotosCharge({ morePhotosCount: agentSettings['warehouse.morePhotosCount'], morePhotosPriceFen: agentSettings['warehouse.morePhotosPriceFen'] }, order);
  const outcome = Array.isArray(query.payment) ? query.payment[0] : query.payment;
  const isPending = order.status === 'pending';
  const isCod = order.gateway === 'cod';
  // Back from the gateway with a payment it accepted (the return route asked it): confirming until the webhook lands, never payable twice.
  const isConfirming = isPending && !isCod && (outcome === 'succeeded' || outcome === 'processing');
  const isFollowingPurchase = (order.status === 'paid' || order.status === 'purchasing') && (outcome === 'succeeded' || outcome === 'processing');
  const when = (date: Date) => (
    <bdi>
      <time dateTime={date.toISOString()}>{formatInstant(date, locale)}</time>
    </bdi>
  );
  const payHref = paymentUrl('', order);

  // The poller's first answer comes from this render (one QueryClient per request), so it starts from what the page shows.
  const queryClient = new QueryClient();
  queryClient.setQueryData(orderKeys.status(order.number), { number: order.number, status: order.status });

  return (
    <article className="order-page" data-testid="order-page" data-order-number={order.number} data-status={order.status}>
      <p className="small">
        <Link href={orderPaths.list(locale)}>{t('backToOrders')}</Link>
      </p>
      {/* A left-to-right isolate keeps the Latin order number whole inside Arabic text. */}
      <h1>{t('orderTitle', { number: isolate(order.number) })}</h1>
      <p>
        {t('placedOn')} {when(order.createdAt)} <OrderStatusBadge status={order.status} gateway={order.gateway} isConfirming={isConfirming} />
      </p>

      {isConfirming && (
        <NextIntlClientProvider locale={locale} messages={{ orders: messages.orders }}>
          <HydrationBoundary state={dehydrate(queryClient)}>
            <PaymentPoller number={order.number} initialStatus={order.status} outcome={outcome === 'processing' ? 'processing' : 'succeeded'} />
          </HydrationBoundary>
        </NextIntlClientProvider>
      )}
      {/* The poller refreshes the page once the webhook lands: a payment approved slowly (processing) is confirmed too. */}
      {!isPending && order.paidAt && (outcome === 'succeeded' || outcome === 'processing') && (
        <p role="status" className="form-notice payment-banner" data-testid="payment-banner">
          {t('bannerConfirmed')}
        </p>
      )}
      {/* Just paid (the webhook may land before the shopper is back): keep following the worker's purchase, without a second banner. */}
      {isFollowingPurchase && (
        <NextIntlClientProvider locale={locale} messages={{ orders: messages.orders }}>
          <HydrationBoundary state={dehydrate(queryClient)}>
            <PaymentPoller number={order.number} initialStatus={order.status} outcome="succeeded" isQuiet />
          </HydrationBoundary>
        </NextIntlClientProvider>
      )}
      {isPending && outcome === 'failed' && (
        <p role="alert" className="form-error payment-banner" data-testid="payment-banner">
          {t('bannerFailed')}
        </p>
      )}

      <PriceDifferences locale={locale} userId={user.id} orderNumber={order.number} notice={Array.isArray(query.difference) ? query.difference[0] : query.difference} />

      <section className="order-section" aria-labelledby="order-payment">
        <h2 id="order-payment">{t('paymentTitle')}</h2>
        <p>
          {isCod ? t('payCod') : t('payCard')} ·{' '}
          <strong>
            <Money>{formatStoredMoney(order.chargeMinor, order.chargeCurrency, locale)}</Money>
          </strong>
        </p>
        {isPending && isCod && (
          <p className="notice" data-testid="cod-status" data-cod="awaiting">
            <strong>{t('codAwaitingTitle')}</strong> {t('codAwaiting')}
            {order.reservedUntil && (
              <span className="muted small">
                {' '}
                {t('codConfirmBy')} {when(order.reservedUntil)}
              </span>
            )}
          </p>
        )}
        {isCod && order.confirmedAt && !terminalStatuses.includes(order.status) && (
          <p className="notice" data-testid="cod-status" data-cod="confirmed">
            <strong>{t('codConfirmedTitle')}</strong> {t('codConfirmed', { amount: isolate(formatStoredMoney(order.chargeMinor, order.chargeCurrency, locale)) })}{' '}
            <span className="muted small">
              {t('codConfirmedOn')} {when(order.confirmedAt)}
            </span>
          </p>
        )}
        {order.walletPaidMinor > 0 && tw && (
          <p data-testid="wallet-part">
            {tw('paidFromBalance', { amount: isolate(formatStoredMoney(order.walletPaidMinor, order.chargeCurrency, locale)) })}
            {isPending && (
              <>
                {' · '}
                <strong>{tw('restByCard', { amount: isolate(formatStoredMoney(order.chargeMinor - order.walletPaidMinor, order.chargeCurrency, locale)) })}</strong>
              </>
            )}
          </p>
        )}
        {isPending && !isCod && !isConfirming && (
          <p className="order-pay">
            <a href={payHref} className="primary button-link" data-testid="pay-now">
              {t('payNow')}
            </a>
            {order.reservedUntil && (
              <span className="muted small">
                {' '}
                {t('payBy')} {when(order.reservedUntil)}
              </span>
            )}
          </p>
        )}
        {canPayFromWallet && !isConfirming && orderBalance && tw && (
          <WalletPayForm
            locale={locale}
            orderNumber={order.number}
            labels={{
              button: tw('orderFromBalance', { balance: isolate(formatStoredMoney(orderBalance.amountMinor, orderBalance.currency, locale)) }),
              hint: tw('orderFromBalanceHint'),
              empty: tw('balanceEmpty'),
              paying: tw('cardInProgress'),
              changed: t('cancelChanged'),
              error: tw('error'),
            }}
          />
        )}
        {outcome === 'wallet' && order.walletPaidMinor > 0 && tw && (
          <p role="status" className="form-notice" data-testid="wallet-paid-notice">
            {tw('paidNotice')}
          </p>
        )}
        {order.paidAt && (
          <p>
            {t('paidOn')} {when(order.paidAt)}
          </p>
        )}
        {order.payments.length > 0 && (
          <ul className="ledger" role="list" data-testid="order-payments">
            {order.payments.map((p) => (
              <li key={p.id}>
                {t(ledgerLabel[p.kind])}: <Money>{formatStoredMoney(p.amountMinor, p.currency, locale)}</Money> · {when(p.createdAt)}
                {p.status === 'flagged' && <span className="status-badge" data-status="flagged"> {t('flagged')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* A payment being confirmed cannot be withdrawn any more: no cancel while it lands. */}
      {isPending && !isConfirming && (
        <section className="order-section" aria-labelledby="order-cancel" data-testid="order-cancel">
          <h2 id="order-cancel">{t('cancelTitle')}</h2>
          <p className="small muted">{t('cancelIntro')}</p>
          <CancelOrderForm
            locale={locale}
            orderNumber={order.number}
            labels={{ button: t('cancelButton'), confirm: t('cancelConfirm', { number: order.number }), paying: t('cancelPaying'), changed: t('cancelChanged'), error: t('cancelError') }}
          />
        </section>
      )}
      {order.status === 'cancelled' && query.cancelled === '1' && (
        <p role="status" className="form-notice" data-testid="cancelled-notice">
          {t('cancelledNotice')}
        </p>
      )}

      <section className="order-section" aria-labelledby="order-items">
        <h2 id="order-items">{t('itemsTitle')}</h2>
        <ul className="order-items" role="list">
          {order.items.map((item) => (
            <OrderItemRow
              key={item.id}
              item={item}
              locale={locale}
              remarkLabel={t('remark')}
              quantityText={t('quantityTimes', { quantity: item.quantity, price: isolate(formatCny(item.unitPriceCnyMinor, locale)) })}
              itemState={itemStateText(t, item, locale)}
            >
              {qcItems.has(item.id) && <ItemQc item={item} qc={qcItems.get(item.id)!} locale={locale} orderNumber={order.number} newCharge={newCharge} secretKey={secretKey} t={tq} when={when} wallet={walletForQc} />}
            </OrderItemRow>
          ))}
        </ul>
        {order.valueAddedServices.length > 0 && (
          <p className="small">
            {t('servicesTitle')}: {order.valueAddedServices.map((s) => t(serviceLabel[s])).join(', ')}
          </p>
        )}
      </section>

      {parcels.length > 0 && (
        <section className="order-section" aria-labelledby="order-parcels" data-testid="order-parcels">
          <h2 id="order-parcels">{t('parcelsTitle')}</h2>
          <p className="small muted">{t('parcelsIntro')}</p>
          <ul className="order-parcels" role="list">
            {parcels.map((parcel) => (
              <ParcelRow key={parcel.trackingNumber} parcel={parcel} items={order.items} when={when} t={t} />
            ))}
          </ul>
        </section>
      )}

      <section className="order-section" aria-labelledby="order-price">
        <h2 id="order-price">{t('priceTitle')}</h2>
        {isSupportedCurrency(order.chargeCurrency) && (
          <PriceBreakdown
            locale={locale}
            breakdownCny={order.breakdownCny}
            totalCny={order.totalCnyMinor}
            converted={convertOrderBreakdown(order.breakdownCny, order.chargeCurrency, order.chargeRate)}
          />
        )}
        <p className="small" data-testid="order-rate">
          {order.chargeCurrency === 'CNY' ? t('rateIdentity') : t('rateLine', { rate: formatRate(order.chargeRate, locale), currency: order.chargeCurrency, source: order.rateSource })}{' '}
          {order.chargeCurrency !== 'CNY' && (
            <>
              {t('rateCaptured')} {when(order.rateCapturedAt)}
            </>
          )}
        </p>
        <p className="muted small">{t('rateNote')}</p>
      </section>

      <section className="order-section" aria-labelledby="order-address">
        <h2 id="order-address">{t('addressTitle')}</h2>
        <ShippingAddressBlock address={order.shippingAddress} locale={locale} />
      </section>

      <section className="order-section" aria-labelledby="order-history">
        <h2 id="order-history">{t('historyTitle')}</h2>
        <ol className="timeline" data-testid="order-timeline">
          {order.events.map((event) => (
            <li key={event.id} data-status={event.toStatus}>
              <strong>{event.fromStatus === null ? t('eventPlaced') : ts(event.toStatus)}</strong> <span className="muted small">{when(event.createdAt)}</span>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
