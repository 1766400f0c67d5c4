import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { adminPaths } from '@/lib/admin/paths';

// An order or purchase that is not there, or a shopper who wandered in: the 404 inside the admin frame, with a title.
export default async function AdminNotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: 'admin' });
  return (
    <section data-testid="not-found">
      <title>{`${t('notFound.title')} | Ferry`}</title>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link href={adminPaths.home(locale)}>{t('forbidden.back')}</Link>
      </p>
    </section>
  );
}
