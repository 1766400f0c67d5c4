import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { ADMIN_TIME_ZONE } from '@/lib/admin/format';
import type { ParcelException } from '@/lib/parcels/exception-board';
import { trackingPaths } from '@/lib/shipping-tracking/paths';
import { descriptionLanguage } from '@/lib/shipping-tracking/public-tracking';
import { AdminTime } from './admin-time';
import { ParcelExceptionForm } from './parcel-exception-form';

type Props = { locale: string; rows: ParcelException[]; canHandle: boolean };

/**
 * The parcel board's exceptions tab: each parcel whose carrier reports a problem, with the carrier's
 * status and sub-status in the staff member's language, its latest words as sent (carriers write
 * in their own language), when, the public tracking page and the label; newest problem first.
 */
export async function ParcelExceptions({ locale, rows, canHandle }: Props) {
  const [messages, t, tp, tt] = await Promise.all([
    getMessages({ locale }),
    getTranslations({ locale, namespace: 'adminParcelExceptions' }),
    getTranslations({ locale, namespace: 'adminParcels' }),
    getTranslations({ locale, namespace: 'tracking' }),
  ]);
  const subStatusText = (subStatus: string) => (tt.has(`subStatuses.${subStatus}`) ? tt(`subStatuses.${subStatus}`) : subStatus);
  return (
    // The admin frame hands client components only `admin`; the "mark handled" form also needs its own words.
    <NextIntlClientProvider locale={locale} messages={{ admin: messages.admin, adminParcelExceptions: messages.adminParcelExceptions }} timeZone={ADMIN_TIME_ZONE}>
      <section aria-labelledby="exceptions-heading">
        <h2 id="exceptions-heading">{tp('tabs.exceptions')}</h2>
        <p className="muted">{t('intro')}</p>
        {rows.length === 0 ? (
          <p className="admin-empty" data-testid="exceptions-empty">
            {t('none')}
          </p>
        ) : (
          <div className="admin-table-wrap">
            <table className="admin-table" data-testid="parcel-exceptions">
              <thead>
                <tr>
                  <th scope="col">{t('parcel')}</th>
                  <th scope="col">{t('tracking')}</th>
                  <th scope="col">{t('problem')}</th>
                  <th scope="col">{t('carrierSaid')}</th>
                  <th scope="col">{t('when')}</th>
                  {canHandle && <th scope="col">{t('handle')}</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.shipmentId} data-parcel={row.parcelNumber} data-tracking={row.number} data-status={row.status} data-sub-status={row.subStatus}>
                    <td className="admin-mono" dir="ltr">
                      {row.parcelNumber}
                    </td>
                    <td className="admin-mono" dir="ltr">
                      <a href={trackingPaths.number(locale, row.number)} data-testid="tracking-link">
                        {row.number}
                      </a>
                      {' · '}
                      <a href={`/api/admin/shipments/${encodeURIComponent(row.number)}/label`}>{tp('label')}</a>
                      <div className="small muted">{row.carrierName}</div>
                    </td>
                    <td>
                      <strong>{tt(`statuses.${row.status}`)}</strong>
                      <div className="small">
                        {subStatusText(row.subStatus)} <span className="admin-mono muted">({row.subStatus})</span>
                      </div>
                      {row.wasHandledBefore && <div className="small admin-error-text">{t('reportedAgain')}</div>}
                    </td>
                    <td data-testid="carrier-description" lang={row.description ? descriptionLanguage(row.description) : undefined}>
                      {row.description ?? '—'}
                      {row.location && <div className="small muted">{row.location}</div>}
                    </td>
                    <td>
                      <AdminTime value={row.at} />
                    </td>
                    {canHandle && (
                      <td>
                        <ParcelExceptionForm locale={locale} number={row.number} seenEventAt={row.at.toISOString()} />
                      </td>
                    )}
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
