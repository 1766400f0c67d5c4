import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SettingsForm } from '@/components/admin/settings-form';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { getSettings } from '@/lib/settings/read-settings';
import { settingFields } from '@/lib/settings/settings-form';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('settings.title')} · ${t('nav.brand')}` };
}

/** The agent's tunable settings (lib/settings/definitions.ts), read fresh from the database. */
export default async function AdminSettingsPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'settings:manage', adminPaths.settings(locale));
  const [current, t] = await Promise.all([getSettings(getDb(), { fresh: true }), getTranslations({ locale, namespace: 'admin.settings' })]);

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <SettingsForm locale={locale} fields={settingFields()} values={current} />
    </>
  );
}
