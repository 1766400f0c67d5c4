import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { OrderHistory } from '@/components/admin/order-history';
import { OrderItems } from '@/components/admin/order-items';
import { OrderLedger } from '@/components/admin/order-ledger';
import { OrderMoney } from '@/components/admin/order-money';
import { OrderParcels } from '@/components/admin/order-parcels';
import { OrderParties } from '@/components/admin/order-parties';
import { OrderRefunds } from '@/components/admin/order-refunds';
import { RefundForm } from '@/components/admin/refund-form';
import { TransitionForm } from '@/components/admin/transition-form';
import { OrderPurchaseLines } from '@/app/[locale]/admin/purchasing/_components/order-purchase-lines';
import { formatStoredMoney } from '@/lib/money';
import { adminPaths } from '@/lib/admin/paths';
import { getAdminOrderDetail } from '@/lib/admin/queries/get-order-detail';
import { staffTransitions, transitionKey } from '@/lib/admin/staff-transitions';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { orderNumberPattern } from '@/lib/orders/order-number';
import { listOrderRefunds } from '@/lib/payments/list-refunds';
import { stillRefundable } from '@/lib/payments/refund';
import { listOrderParcels } from '@/lib/warehouse/queries/list-order-parcels';

type Props = { params: Promise<{ locale: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, number } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('detail.title', { number: orderNumberPattern.test(number) ? number : '' })} · ${t('nav.brand')}` };
}

export default async function AdminOrderPage({ params }: Props) {
  const { locale, number } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  // Order numbers are [0-9A-Z-] only: anything else (encoded or not) is no order.
  const isOrderNumber = orderNumberPattern.test(number);
  const user = await requireStaffPage(locale, 'orders:read', isOrderNumber ? adminPaths.order(locale, number) : adminPaths.orders(locale));
  if (!isOrderNumber) notFound();
  const detail = await getAdminOrderDetail(getDb(), number, locale);
  if (!detail) notFound();
  const { order } = detail;
  const [t, parcels, refunds, refundable] = await Promise.all([
    getTranslations({ locale, namespace: 'admin' }),
    listOrderParcels(getDb(), detail.items.map((item) => item.id)),
    listOrderRefunds(getDb(), order.id),
    stillRefundable(getDb(), order),
  ]);
  const refundedItemIds = new Set(refunds.filter((r) => r.status !== 'failed').flatMap((r) => (r.items ?? []).map((item) => item.orderItemId)));
  const transitions = staffTransitions(order.status, user.role, order.gateway).map((tr) => ({ to: tr.to, key: transitionKey(tr) }));
  const charged = detail.ledger.find((row) => row.kind === 'charge' && row.status === 'recorded');

  return (
    <>
      <p className="small">
        <Link href={adminPaths.orders(locale)}>← {t('detail.back')}</Link>
      </p>
      <div className="admin-title-row">
        <h1>
          {t('detail.heading')} <span className="admin-mono" dir="ltr">{order.number}</span>
        </h1>
        <span className={`admin-badge admin-status-${order.status}`} data-testid="order-status" data-status={order.status}>
          {t(`status.${order.status}`)}
        </span>
      </div>
      <dl className="admin-facts admin-facts-inline">
        <dt>{t('detail.created')}</dt>
        <dd>
          <AdminTime value={order.createdAt} />
        </dd>
        <dt>{t('detail.paidAt')}</dt>
        <dd>
          <AdminTime value={order.paidAt} />
        </dd>
        {order.confirmedAt && (
          <>
            <dt>{t('detail.confirmedAt')}</dt>
            <dd>
              <AdminTime value={order.confirmedAt} />
            </dd>
          </>
        )}
        {order.status === 'pending' && order.reservedUntil && (
          <>
            <dt>{t('detail.reservedUntil')}</dt>
            <dd>
              <AdminTime value={order.reservedUntil} />
            </dd>
          </>
        )}
        <dt>{t('orders.gateway')}</dt>
        <dd>{t(`gateway.${order.gateway}`)}</dd>
        <dt>{t('detail.version')}</dt>
        <dd data-testid="order-version">{order.version}</dd>
      </dl>

      <section aria-labelledby="actions-heading" className="admin-panel">
        <h2 id="actions-heading">{t('detail.actions')}</h2>
        {transitions.length > 0 ? (
          <TransitionForm
            locale={locale}
            number={order.number}
            orderId={order.id}
            status={order.status}
            version={order.version}
            transitions={transitions}
            refundText={charged ? formatStoredMoney(charged.amountMinor, charged.currency, locale) : t('detail.noCharge')}
          />
        ) : (
          <p className="muted">{t('detail.noActions')}</p>
        )}
      </section>

      <section aria-labelledby="refunds-heading" className="admin-panel">
        <h2 id="refunds-heading">{t('refunds.title')}</h2>
        <OrderRefunds locale={locale} refunds={refunds} itemTitles={new Map(detail.items.map((item) => [item.id, item.title]))} />
        {can(user.role, 'orders:refund') && refundable > 0 && (
          <RefundForm
            locale={locale}
            number={order.number}
            orderId={order.id}
            currency={order.chargeCurrency}
            refundableText={formatStoredMoney(refundable, order.chargeCurrency, locale)}
            items={detail.items.map((item) => ({ id: item.id, title: item.title, quantity: item.quantity, isRefunded: refundedItemIds.has(item.id) }))}
            idempotencyKey={randomUUID()}
          />
        )}
      </section>

      <OrderItems locale={locale} items={detail.items} />
      <OrderPurchaseLines locale={locale} orderNumber={order.number} canOpenPurchases={can(user.role, 'orders:purchase')} />
      <OrderParcels locale={locale} parcels={parcels} items={detail.items} />
      <OrderMoney locale={locale} order={order} />
      <OrderParties locale={locale} order={order} customer={detail.customer} partner={detail.partner} />
      {can(user.role, 'payments:read') ? (
        <OrderLedger locale={locale} ledger={detail.ledger} />
      ) : (
        <section aria-labelledby="ledger-heading">
          <h2 id="ledger-heading">{t('ledger.title')}</h2>
          <p className="muted">{t('ledger.noAccess')}</p>
        </section>
      )}
      <OrderHistory locale={locale} chargeCurrency={order.chargeCurrency} events={detail.events} audit={detail.audit} />
    </>
  );
}
