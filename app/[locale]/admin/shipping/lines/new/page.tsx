import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ShippingLineForm } from '@/components/admin/shipping-line-form';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { isLocale } from '@/lib/i18n/locales';
import { newLineValues } from '@/lib/shipping/line-form-values';
import '../../shipping-admin.css';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('shippingLines.newTitle')} · ${t('nav.brand')}` };
}

export default async function AdminNewShippingLinePage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'shipping:manage', adminPaths.shippingLineNew(locale));
  const t = await getTranslations({ locale, namespace: 'admin.shippingLines' });
  return (
    <>
      <p className="small">
        <Link href={adminPaths.shippingLines(locale)}>{t('backToList')}</Link>
      </p>
      <h1>{t('newTitle')}</h1>
      <ShippingLineForm mode="create" locale={locale} initial={newLineValues} />
    </>
  );
}
