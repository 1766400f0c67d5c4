import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { isLocale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money';
import { signedPhotoUrl } from '@/lib/warehouse/photos/photo-urls';
import { listReturns } from '@/lib/warehouse/queries/list-returns';
import { ReturnForms } from './_components/return-forms';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('returns.title')} · ${t('nav.brand')}` };
}

/**
 * Customer service's returns: the shopper asked to return an item after QC; staff ask the seller,
 * record the answer (taken back → returned, then refunded at the order's pinned rate; refused →
 * the item stays in the warehouse), each move audited under the staff member.
 */
export default async function AdminReturnsPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'orders:returns', adminPaths.returns(locale));
  const [rows, t] = await Promise.all([listReturns(getDb()), getTranslations({ locale, namespace: 'admin.returns' })]);
  const secretKey = getEnv().FERRY_SECRET_KEY;
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {rows.length === 0 ? (
        <p className="admin-empty">{t('empty')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="returns">
            <thead>
              <tr>
                <th scope="col">{t('order')}</th>
                <th scope="col">{t('item')}</th>
                <th scope="col">{t('reason')}</th>
                <th scope="col">{t('photos')}</th>
                <th scope="col">{t('action')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.itemId} data-item-id={row.itemId} data-status={row.status}>
                  <td>
                    <Link href={adminPaths.order(locale, row.orderNumber)} className="admin-mono" dir="ltr">
                      {row.orderNumber}
                    </Link>
                    {row.decidedAt && (
                      <span className="admin-sub small muted">
                        <AdminTime value={row.decidedAt} />
                      </span>
                    )}
                  </td>
                  <td className="admin-wrap">
                    <span dir="auto">{row.title}</span> × {row.quantity}
                    <span className="admin-sub small muted">{t(row.status === 'returned' ? 'statusReturned' : 'statusRequested')}</span>
                  </td>
                  <td className="admin-wrap">
                    <q dir="auto">{row.returnReason}</q>
                    {row.returnAnswer && (
                      <span className="admin-sub small">
                        {t('sellerSaid')} <q dir="auto">{row.returnAnswer}</q>
                      </span>
                    )}
                  </td>
                  <td>
                    {row.photoKeys.map((key, i) => (
                      <a key={key} href={signedPhotoUrl(secretKey, key, '1600')} target="_blank" rel="noopener">
                        {/* eslint-disable-next-line @next/next/no-img-element */}
                        <img src={signedPhotoUrl(secretKey, key, '400')} width={48} height={48} alt={t('photoAlt', { number: i + 1 })} loading="lazy" className="admin-item-photo" />
                      </a>
                    ))}
                  </td>
                  <td>
                    <ReturnForms
                      locale={locale}
                      itemId={row.itemId}
                      version={row.version}
                      status={row.status}
                      refundText={t('refund', { amount: formatStoredMoney(row.refund.amountMinor, row.refund.currency, locale) })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
