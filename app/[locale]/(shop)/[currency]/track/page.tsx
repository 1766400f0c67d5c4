import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/locales';
import { trackingPaths } from '@/lib/shipping-tracking/paths';
import { TRACKING_NUMBER_PATTERN } from '@/lib/tracking';
import '@/app/[locale]/(account)/account.css';
import './track.css';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// A GET form (works without JavaScript): a valid number goes to its tracking page.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: 'tracking' });
  return { title: `${t('metaTitle')} | Ferry`, robots: { index: false, follow: false } };
}

export default async function TrackingLookupPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [query, t] = await Promise.all([searchParams, getTranslations({ locale, namespace: 'tracking' })]);
  const raw = typeof query.number === 'string' ? query.number.replace(/\s+/g, '').toUpperCase() : '';
  if (raw && TRACKING_NUMBER_PATTERN.test(raw)) redirect(trackingPaths.number(locale, raw));
  const isInvalid = raw !== '' || (typeof query.number === 'string' && query.number.trim() === '' && 'number' in query);
  return (
    <div className="tracking tracking-lookup">
      <h1>{t('lookupTitle')}</h1>
      <p>{t('lookupIntro')}</p>
      <form method="get" action={trackingPaths.lookup(locale)}>
        <label className="field">
          <span>{t('lookupLabel')}</span>
          <input name="number" defaultValue={typeof query.number === 'string' ? query.number.slice(0, 60) : ''} maxLength={60} autoComplete="off" spellCheck={false} required aria-invalid={isInvalid || undefined} aria-describedby={isInvalid ? 'tracking-lookup-error' : undefined} />
        </label>
        <button type="submit">{t('lookupSubmit')}</button>
      </form>
      {isInvalid && (
        <p className="form-error" role="alert" id="tracking-lookup-error">
          {t('lookupInvalid')}
        </p>
      )}
    </div>
  );
}
