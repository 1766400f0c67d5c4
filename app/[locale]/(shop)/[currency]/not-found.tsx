import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { shopPaths } from '@/lib/shop/paths';

export default async function NotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: 'notFound' });
  return (
    <div className="not-found">
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <p>
        <Link href={shopPaths.home(locale)}>{t('back')}</Link>
      </p>
    </div>
  );
}
