import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ParcelPackForm } from '@/components/admin/parcel-pack-form';
import { ParcelExceptions } from '@/components/admin/parcel-exceptions';
import { ActionForm } from '@/components/parcels/action-form';
import { adminPaths } from '@/lib/admin/paths';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money';
import { countParcelExceptions, parcelExceptions } from '@/lib/parcels/exception-board';
import { boardParcels, boardTabNames, parcelItemRows, pickList, type BoardTab } from '@/lib/parcels/queries';
import { dispatchParcelAction } from './actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ tab?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'adminParcels' });
  return { title: `${t('title')} · Ferry` };
}

/**
 * The parcel board: a tab per stage (awaiting payment, to pack, awaiting top-up, to dispatch, in
 * transit, exceptions, delivered); the "to pack" tab has the pick list by bin and a pack form per
 * parcel (real weight and box → settlement). Warehouse staff and admins pack; customer service reads.
 */
export default async function AdminParcelsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const user = await requireStaffPage(locale, 'parcels:read', adminPaths.parcels(locale));
  const requested = (await searchParams).tab;
  const tab: BoardTab = typeof requested === 'string' && (boardTabNames as string[]).includes(requested) ? (requested as BoardTab) : 'to_pack';
  const db = getDb();
  const [t, ts, rows, picks] = await Promise.all([
    getTranslations({ locale, namespace: 'adminParcels' }),
    getTranslations({ locale, namespace: 'parcels' }),
    boardParcels(db, tab),
    tab === 'to_pack' ? pickList(db) : Promise.resolve([]),
  ]);
  const items = await parcelItemRows(db, rows.map((r) => r.id));
  // The exceptions tab lists carriers' problems (its own query); `packed` leftovers, if any, still show below them.
  const [exceptionCount, exceptions] = await Promise.all([countParcelExceptions(db), tab === 'exceptions' ? parcelExceptions(db) : null]);
  const canPack = can(user.role, 'parcels:pack');
  return (
    <>
      <h1>{t('title')}</h1>
      <nav aria-label={t('title')} className="admin-tabs" data-testid="parcel-tabs">
        {boardTabNames.map((name) => (
          <Link key={name} href={adminPaths.parcels(locale, name)} aria-current={name === tab ? 'page' : undefined} data-tab={name}>
            {t(`tabs.${name}`)}
            {name === 'exceptions' && exceptionCount > 0 && <span data-testid="exceptions-count"> ({exceptionCount})</span>}
          </Link>
        ))}
      </nav>
      {tab === 'to_pack' && picks.length > 0 && (
        <section aria-labelledby="pick-list">
          <h2 id="pick-list">{t('pickList')}</h2>
          <table className="admin-table" data-testid="pick-list">
            <thead>
              <tr>
                <th scope="col">{t('bin')}</th>
                <th scope="col">{t('item')}</th>
                <th scope="col">{t('parcel')}</th>
              </tr>
            </thead>
            <tbody>
              {picks.map((pick) => (
                <tr key={pick.itemId}>
                  <td className="admin-mono">{pick.storageBin ?? '—'}</td>
                  <td>
                    {pick.title} × {pick.quantity}
                  </td>
                  <td className="admin-mono" dir="ltr">
                    {pick.parcelNumber}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {exceptions && <ParcelExceptions locale={locale} rows={exceptions} canHandle={can(user.role, 'parcels:exceptions')} />}
      {rows.length === 0 ? (
        !exceptions && <p className="admin-empty">{t('empty')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="parcels">
            <thead>
              <tr>
                <th scope="col">{t('parcel')}</th>
                <th scope="col">{ts('status')}</th>
                <th scope="col">{t('line')}</th>
                <th scope="col">{t('items')}</th>
                <th scope="col">{ts('estimate')}</th>
                <th scope="col">{ts('settlement')}</th>
                {tab === 'to_pack' && canPack && <th scope="col">{t('pack')}</th>}
                {tab === 'to_dispatch' && canPack && <th scope="col">{t('dispatch')}</th>}
                {(tab === 'in_transit' || tab === 'exceptions' || tab === 'delivered') && <th scope="col">{t('tracking')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((parcel) => (
                <tr key={parcel.id} data-parcel={parcel.number} data-status={parcel.status}>
                  <td className="admin-mono" dir="ltr">
                    <Link href={adminPaths.parcel(locale, parcel.number)}>{parcel.number}</Link>
                  </td>
                  <td>
                    {ts(`statuses.${parcel.status}`)}
                    {parcel.services.includes('rehearsal') && parcel.status === 'awaiting_rehearsal' && <> · {ts('serviceNames.rehearsal')}</>}
                  </td>
                  <td>{parcel.lineCode}</td>
                  <td>
                    <ul className="plain-list">
                      {items
                        .filter((i) => i.parcelId === parcel.id)
                        .map((i) => (
                          <li key={i.itemId}>
                            <span className="admin-mono">{i.storageBin ?? '—'}</span> {i.title} × {i.quantity}
                          </li>
                        ))}
                    </ul>
                  </td>
                  <td>
                    {ts('chargeable', { grams: parcel.estimateChargeableGrams })} · {formatStoredMoney(parcel.chargeMinor, parcel.currency, locale)}
                  </td>
                  <td data-testid="settlement">
                    {parcel.settlementAction ? `${ts(`settlementActions.${parcel.settlementAction}`)} ${formatStoredMoney(parcel.settlementMinor ?? 0, parcel.currency, locale)}` : '—'}
                  </td>
                  {tab === 'to_dispatch' && canPack && (
                    <td>
                      <ActionForm action={dispatchParcelAction} className="admin-inline-form" testId="dispatch-form">
                        <input type="hidden" name="locale" value={locale} />
                        <input type="hidden" name="number" value={parcel.number} />
                        <button type="submit">{t('dispatch')}</button>
                      </ActionForm>
                    </td>
                  )}
                  {(tab === 'in_transit' || tab === 'exceptions' || tab === 'delivered') && (
                    <td className="admin-mono" dir="ltr">
                      {parcel.trackingNumber ? (
                        <>
                          <a href={`/${locale}/track/${encodeURIComponent(parcel.trackingNumber)}`}>{parcel.trackingNumber}</a>
                          {' · '}
                          <a href={`/api/admin/shipments/${encodeURIComponent(parcel.trackingNumber)}/label`} data-testid="label-link">
                            {t('label')}
                          </a>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  )}
                  {tab === 'to_pack' && canPack && (
                    <td>
                      <ParcelPackForm locale={locale} number={parcel.number} labels={{ weight: t('weight'), dims: t('dims'), pack: t('pack') }} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
