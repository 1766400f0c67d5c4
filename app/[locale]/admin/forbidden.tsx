import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { adminPaths } from '@/lib/admin/paths';

// A staff member on a page their role does not open (requireStaffPage → forbidden()): HTTP 403, inside the admin frame and its menu.
export default async function AdminForbidden() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: 'admin.forbidden' });
  return (
    <section data-testid="admin-forbidden">
      <title>{`${t('title')} | Ferry`}</title>
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <p>
        <Link href={adminPaths.home(locale)}>{t('back')}</Link>
      </p>
    </section>
  );
}
