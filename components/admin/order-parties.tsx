import { getTranslations } from 'next-intl/server';
import type { AdminOrderDetail } from '@/lib/admin/queries/get-order-detail';

type Props = {
  locale: string;
  order: AdminOrderDetail['order'];
  customer: AdminOrderDetail['customer'];
  partner: AdminOrderDetail['partner'];
};

/** Who ordered (a shopper's account or a partner's key) and where the parcel goes. */
export async function OrderParties({ locale, order, customer, partner }: Props) {
  const t = await getTranslations({ locale, namespace: 'admin.detail' });
  const address = order.shippingAddress;
  return (
    <div className="admin-columns">
      <section aria-labelledby="customer-heading">
        <h2 id="customer-heading">{t('customer')}</h2>
        <dl className="admin-facts" data-testid="order-customer">
          {customer && (
            <>
              <dt>{t('account')}</dt>
              <dd>
                <span dir="ltr">{customer.email}</span>
                {customer.name && <span className="admin-sub">{customer.name}</span>}
              </dd>
            </>
          )}
          {!customer && order.email && (
            <>
              <dt>{t('email')}</dt>
              <dd dir="ltr">{order.email}</dd>
            </>
          )}
          {order.partnerKeyId && (
            <>
              <dt>{t('partner')}</dt>
              <dd>
                {partner?.name ?? '—'} <span className="admin-mono small" dir="ltr">{order.partnerKeyId}</span>
              </dd>
              <dt>{t('externalRef')}</dt>
              <dd dir="auto">{order.externalRef ?? '—'}</dd>
            </>
          )}
          <dt>{t('orderLocale')}</dt>
          <dd>{order.locale}</dd>
          {order.valueAddedServices.length > 0 && (
            <>
              <dt>{t('services')}</dt>
              <dd>{order.valueAddedServices.map((s) => (t.has(`serviceNames.${s}`) ? t(`serviceNames.${s}`) : s)).join(', ')}</dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="address-heading">
        <h2 id="address-heading">{t('shippingAddress')}</h2>
        <address className="admin-address" dir="auto" data-testid="shipping-address">
          {address.name}
          <br />
          {address.line1}
          {address.line2 && (
            <>
              <br />
              {address.line2}
            </>
          )}
          <br />
          {[address.postalCode, address.city, address.region].filter(Boolean).join(' ')}
          <br />
          {address.country}
          <br />
          <span dir="ltr">{address.phone}</span>
        </address>
      </section>
    </div>
  );
}
