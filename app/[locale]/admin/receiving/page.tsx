import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { ADMIN_TIME_ZONE } from '@/lib/admin/format';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { listUnclaimedParcels } from '@/lib/warehouse/queries/list-unclaimed';
import { AssignForm, ReceiveForm } from './_components/receive-form';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('receiving.title')} · ${t('nav.brand')}` };
}

/** The receiving desk (`orders:warehouse`): scan a seller's parcel in; parcels nobody expected, to assign. */
export default async function ReceivingPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'orders:warehouse', adminPaths.receiving(locale));
  const [unclaimed, t, messages] = await Promise.all([listUnclaimedParcels(getDb()), getTranslations({ locale, namespace: 'admin.receiving' }), getMessages({ locale })]);
  return (
    <NextIntlClientProvider locale={locale} messages={{ admin: messages.admin }} timeZone={ADMIN_TIME_ZONE}>
      <h1>{t('title')}</h1>
      <p className="muted small">{t('intro')}</p>
      <ReceiveForm locale={locale} />
      <section aria-labelledby="unclaimed-heading">
        <h2 id="unclaimed-heading">{t('unclaimedTitle')}</h2>
        {unclaimed.length === 0 ? (
          <p className="admin-empty">{t('unclaimedEmpty')}</p>
        ) : (
          <div className="admin-table-wrap">
            <table className="admin-table" data-testid="unclaimed-parcels">
              <thead>
                <tr>
                  <th scope="col">{t('tracking')}</th>
                  <th scope="col" className="admin-num">{t('weight')}</th>
                  <th scope="col">{t('receivedAt')}</th>
                  <th scope="col">{t('assign')}</th>
                </tr>
              </thead>
              <tbody>
                {unclaimed.map((parcel) => (
                  <tr key={parcel.id} data-inbound={parcel.id}>
                    <td className="admin-mono" dir="ltr">
                      {parcel.trackingNumber}
                      <span className="admin-sub small muted">#{parcel.id}</span>
                    </td>
                    <td className="admin-num">{parcel.weightGrams ?? '—'}</td>
                    <td>
                      <AdminTime value={parcel.createdAt} />
                      {parcel.receivedBy && <span className="admin-sub small muted">{parcel.receivedBy}</span>}
                    </td>
                    <td>
                      <AssignForm locale={locale} inboundId={parcel.id} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </NextIntlClientProvider>
  );
}
