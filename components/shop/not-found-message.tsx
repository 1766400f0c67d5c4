import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { shopPaths } from '@/lib/shop/paths';

/**
 * The 404 in the visitor's language, wherever a storefront or account page calls notFound(). Its
 * `<title>` is React's own (hoisted into the head): not-found files take no metadata export, and
 * without it the tab reads nothing.
 */
export async function NotFoundMessage({ locale }: { locale: string }) {
  const [t, meta] = await Promise.all([getTranslations({ locale, namespace: 'notFound' }), getTranslations({ locale, namespace: 'meta' })]);
  return (
    <div className="not-found" data-testid="not-found">
      <title>{`${t('title')} | ${meta('siteName')}`}</title>
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <p>
        <Link href={shopPaths.home(locale)}>{t('back')}</Link>
      </p>
    </div>
  );
}
