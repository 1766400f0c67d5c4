import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Money } from '@/components/bidi/money';
import { accountPaths } from '@/lib/auth/paths';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money';
import { listOwnParcels } from '@/lib/parcels/queries';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'parcels' });
  return { title: `${t('title')} | Ferry` };
}

/** The shopper's parcels, newest first, with a way to make a new one from accepted items. */
export default async function ParcelsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const user = await requireUserOrRedirect(locale, accountPaths.parcels(locale));
  const [t, rows] = await Promise.all([getTranslations({ locale, namespace: 'parcels' }), listOwnParcels(getDb(), { type: 'user', userId: user.id })]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <p>
        <Link href={accountPaths.newParcel(locale)} className="button primary" data-testid="new-parcel">
          {t('new')}
        </Link>
      </p>
      {rows.length === 0 ? (
        <p className="muted" data-testid="parcels-empty">
          {t('empty')}
        </p>
      ) : (
        <table className="account-table" data-testid="parcels">
          <thead>
            <tr>
              <th scope="col">{t('number')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('created')}</th>
              <th scope="col">{t('total')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((parcel) => (
              <tr key={parcel.id} data-parcel={parcel.number} data-status={parcel.status}>
                <td>
                  <Link href={accountPaths.parcel(locale, parcel.number)} dir="ltr">
                    {parcel.number}
                  </Link>
                </td>
                <td>{t(`statuses.${parcel.status}`)}</td>
                <td>{when.format(parcel.createdAt)}</td>
                <td>
                  <Money>{formatStoredMoney(parcel.chargeMinor, parcel.currency, locale)}</Money>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
