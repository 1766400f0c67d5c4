import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { CodDecisionForms } from '@/components/admin/cod-decision-forms';
import { formatStoredMoney } from '@/lib/money';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { listCodQueue } from '@/lib/orders/queries/list-cod-queue';
import { getSettings } from '@/lib/settings/read-settings';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('codQueue.title')} · ${t('nav.brand')}` };
}

/**
 * Cash-on-delivery orders waiting for staff: phone the shopper, then confirm (the order is bought
 * like a paid one) or reject it with a reason. Unconfirmed orders are cancelled at their deadline.
 */
export default async function AdminCodQueuePage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'orders:confirm_cod', adminPaths.codQueue(locale));
  const db = getDb();
  const [queue, agentSettings, t] = await Promise.all([listCodQueue(db), getSettings(db), getTranslations({ locale, namespace: 'admin.codQueue' })]);

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro', { hours: agentSettings['cod.confirmationHours'] })}</p>
      <h2>{t('count', { count: queue.total })}</h2>
      {queue.rows.length === 0 ? (
        <p className="admin-empty">{t('empty')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="cod-queue">
            <thead>
              <tr>
                <th scope="col">{t('order')}</th>
                <th scope="col">{t('deadline')}</th>
                <th scope="col">{t('customer')}</th>
                <th scope="col">{t('items')}</th>
                <th scope="col" className="admin-num">{t('total')}</th>
                <th scope="col">{t('decision')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.rows.map((order) => {
                const address = order.shippingAddress;
                return (
                  <tr key={order.id} data-order={order.number}>
                    <td>
                      <Link href={adminPaths.order(locale, order.number)} className="admin-mono" dir="ltr">
                        {order.number}
                      </Link>
                      <span className="admin-sub small muted">
                        <AdminTime value={order.createdAt} />
                      </span>
                    </td>
                    <td>
                      <AdminTime value={order.reservedUntil} />
                    </td>
                    <td className="admin-customer">
                      <span dir="auto">{address.name}</span>
                      <a className="admin-sub" href={`tel:${address.phone.replace(/[^\d+]/g, '')}`} dir="ltr" data-testid="cod-phone">
                        {address.phone}
                      </a>
                      {order.email && (
                        <span className="admin-sub small" dir="ltr">
                          {order.email}
                        </span>
                      )}
                      <span className="admin-sub small muted" dir="auto">
                        {[address.city, address.region, address.country].filter(Boolean).join(', ')}
                      </span>
                    </td>
                    <td className="admin-wrap">
                      <ul className="admin-cod-lines">
                        {order.lines.map((line, i) => (
                          <li key={i}>
                            <span dir="auto">{line.title}</span> × {line.quantity}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="admin-num">{formatStoredMoney(order.chargeMinor, order.chargeCurrency, locale)}</td>
                    <td>
                      <CodDecisionForms locale={locale} orderId={order.id} version={order.version} number={order.number} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
