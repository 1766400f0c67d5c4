import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { trackingPaths } from '@/lib/shipping-tracking/paths';

export default async function TrackingNotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: 'tracking' });
  return (
    <div className="tracking" data-testid="tracking-not-found">
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundText')}</p>
      <p>
        <Link href={trackingPaths.lookup(locale)}>{t('another')}</Link>
      </p>
    </div>
  );
}
