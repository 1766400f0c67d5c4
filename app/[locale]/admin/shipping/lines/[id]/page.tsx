import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ShippingLineForm } from '@/components/admin/shipping-line-form';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { lineFormValues } from '@/lib/shipping/line-form-values';
import { loadLine } from '@/lib/shipping/load-lines';
import { lineName } from '@/lib/shipping/quote-lines';
import { shopPaths } from '@/lib/shop/paths';
import '../../shipping-admin.css';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ created?: string }> };

const lineId = (id: string) => (/^[1-9]\d{0,15}$/.test(id) ? Number(id) : null);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('shippingLines.title')} · ${t('nav.brand')}` };
}

/** One line's rules, read fresh, in the form that edits them (the form carries the version it shows). */
export default async function AdminShippingLinePage({ params, searchParams }: Props) {
  const { locale, id: rawId } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const id = lineId(rawId);
  await requireStaffPage(locale, 'shipping:manage', id ? adminPaths.shippingLine(locale, id) : adminPaths.shippingLines(locale));
  if (!id) notFound();
  const [line, t, query] = await Promise.all([loadLine(getDb(), id), getTranslations({ locale, namespace: 'admin.shippingLines' }), searchParams]);
  if (!line) notFound();
  const estimator = shopPaths.shipping(locale, new URLSearchParams({ country: line.countries[0] ?? 'US', weightGrams: '1200', lengthCm: '30', widthCm: '20', heightCm: '10' }));
  return (
    <>
      <p className="small">
        <Link href={adminPaths.shippingLines(locale)}>{t('backToList')}</Link>
      </p>
      <h1>{t('editTitle', { name: lineName(line, locale) })}</h1>
      {query.created === '1' && (
        <p className="admin-notice" role="status" data-testid="shipping-line-created">
          {t('created')}
        </p>
      )}
      {!line.isActive && <p className="admin-notice">{t('inactiveNote')}</p>}
      <ShippingLineForm mode="edit" locale={locale} id={line.id} version={line.version} code={line.code} initial={lineFormValues(line)} />
      <p className="small">
        <a href={estimator} target="_blank" rel="noopener">
          {t('tryEstimator')}
        </a>
      </p>
    </>
  );
}
