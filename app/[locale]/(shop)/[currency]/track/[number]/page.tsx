import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getLimiter } from '@/lib/auth/rate-limit';
import { getDb } from '@/lib/db';
import { clientIp } from '@/lib/http/client-ip';
import { isLocale } from '@/lib/i18n/locales';
import { formatInstant } from '@/lib/orders/format-instant';
import { trackingPaths } from '@/lib/shipping-tracking/paths';
import { descriptionLanguage, getPublicTracking } from '@/lib/shipping-tracking/public-tracking';
import { TRACKING_NUMBER_PATTERN } from '@/lib/tracking';
import '../track.css';

type Props = { params: Promise<{ locale: string; number: string }> };

// Read per request (a webhook changes it at any moment); Next marks the answer private, no-store,
// and next.config.ts adds `X-Robots-Tag: noindex` to every tracking path.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, number } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: 'tracking' });
  return { title: `${t('title', { number: decodeURIComponent(number).slice(0, 50) })} | Ferry`, robots: { index: false, follow: false } };
}

export default async function TrackingPage({ params }: Props) {
  const { locale, number: encoded } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const number = decodeURIComponent(encoded);
  if (!TRACKING_NUMBER_PATTERN.test(number)) notFound();
  const t = await getTranslations({ locale, namespace: 'tracking' });
  if (!(await getLimiter('trackingLookup').check({ ip: clientIp(await headers()) }))) {
    return (
      <div className="tracking">
        <p className="form-error" role="alert" data-testid="tracking-rate-limited">
          {t('rateLimited')}
        </p>
      </div>
    );
  }
  const tracking = await getPublicTracking(getDb(), number);
  if (!tracking) notFound();
  const country = new Intl.DisplayNames([locale], { type: 'region' }).of(tracking.country) ?? tracking.country;
  const subStatusLabel = (subStatus: string, status: string) => (t.has(`subStatuses.${subStatus}`) ? t(`subStatuses.${subStatus}`) : t(`statuses.${status}`));

  return (
    <div className="tracking" data-testid="tracking-page">
      <h1>{t('title', { number: '\u2068' + tracking.number + '\u2069' })}</h1>
      <dl className="tracking-summary">
        <dt>{t('status')}</dt>
        <dd className="tracking-status" data-testid="tracking-status" data-status={tracking.status}>
          {t(`statuses.${tracking.status}`)}
        </dd>
        <dt>{t('carrier')}</dt>
        <dd>{tracking.carrierName}</dd>
        <dt>{t('destination')}</dt>
        <dd data-testid="tracking-country">{country}</dd>
        {tracking.latestEventAt && (
          <>
            <dt>{t('updated')}</dt>
            <dd>
              <time dateTime={tracking.latestEventAt.toISOString()}>{formatInstant(tracking.latestEventAt, locale)}</time>
            </dd>
          </>
        )}
      </dl>
      {tracking.isStopped && <p className="tracking-stopped">{t('stopped')}</p>}
      <h2>{t('timeline')}</h2>
      {tracking.events.length === 0 ? (
        <p>{t('noEvents')}</p>
      ) : (
        <>
          <ol className="tracking-timeline" data-testid="tracking-timeline">
            {tracking.events.map((event) => (
              <li key={`${event.at.getTime()}-${event.subStatus}-${event.description}`} data-sub-status={event.subStatus}>
                <time dateTime={event.at.toISOString()}>{formatInstant(event.at, locale)}</time>
                <span className="tracking-event-status">{subStatusLabel(event.subStatus, event.status)}</span>
                {event.description && (
                  <span className="tracking-event-carrier" lang={descriptionLanguage(event.description)} dir="auto">
                    {event.description}
                    {event.location ? ` · ${event.location}` : ''}
                  </span>
                )}
              </li>
            ))}
          </ol>
          <p className="tracking-note">{t('descriptionNote')}</p>
        </>
      )}
      <p>
        <Link href={trackingPaths.lookup(locale)}>{t('another')}</Link>
      </p>
    </div>
  );
}
