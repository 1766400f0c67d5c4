import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ShippingLineToggle } from '@/components/admin/shipping-line-toggle';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money';
import { basisPointsToText } from '@/lib/shipping/line-form-values';
import { loadAllLines } from '@/lib/shipping/load-lines';
import { lineName } from '@/lib/shipping/quote-lines';
import '../shipping-admin.css';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('shippingLines.title')} · ${t('nav.brand')}` };
}

/** Every shipping line, active or not, in the agent's order: how it prices, where it goes, and a switch to take it off quotes. */
export default async function AdminShippingLinesPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'shipping:manage', adminPaths.shippingLines(locale));
  const [lines, t] = await Promise.all([loadAllLines(getDb()), getTranslations({ locale, namespace: 'admin.shippingLines' })]);

  return (
    <>
      <div className="admin-title-row">
        <h1>{t('title')}</h1>
        <Link href={adminPaths.shippingLineNew(locale)} className="admin-button" data-testid="new-shipping-line">
          {t('newLine')}
        </Link>
      </div>
      <p className="muted">{t('intro')}</p>
      {lines.length === 0 ? (
        <p className="admin-empty">{t('empty')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="shipping-lines">
            <thead>
              <tr>
                <th scope="col">{t('columns.name')}</th>
                <th scope="col">{t('columns.carrier')}</th>
                <th scope="col">{t('columns.divisor')}</th>
                <th scope="col">{t('columns.pricing')}</th>
                <th scope="col">{t('columns.fuel')}</th>
                <th scope="col">{t('columns.destinations')}</th>
                <th scope="col">{t('columns.days')}</th>
                <th scope="col">{t('columns.status')}</th>
                <th scope="col">{t('columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id} data-testid="shipping-line-row" data-code={line.code} data-active={line.isActive}>
                  <th scope="row">
                    <Link href={adminPaths.shippingLine(locale, line.id)}>{lineName(line, locale)}</Link>
                    <span className="admin-sub admin-mono" dir="ltr">
                      {line.code}
                    </span>
                  </th>
                  <td dir="auto">{line.carrier}</td>
                  <td className="admin-nowrap">{line.volumetricDivisor ?? t('noDivisor')}</td>
                  <td className="admin-nowrap">
                    {t('pricingValue', {
                      firstWeight: line.firstWeightGrams,
                      firstPrice: formatStoredMoney(line.firstPriceCny, 'CNY', locale),
                      unitPrice: formatStoredMoney(line.continuedPriceCny, 'CNY', locale),
                      unit: line.continuedUnitGrams,
                    })}
                  </td>
                  <td className="admin-nowrap">{basisPointsToText(line.fuelSurchargeBp)} %</td>
                  <td title={line.countries.join(' ')}>{t('destinationsCount', { count: line.countries.length })}</td>
                  <td className="admin-nowrap">{t('daysValue', { min: line.daysMin, max: line.daysMax })}</td>
                  <td>
                    <span className={line.isActive ? 'admin-badge admin-ok' : 'admin-badge'}>{line.isActive ? t('active') : t('inactive')}</span>
                  </td>
                  <td className="admin-nowrap">
                    <Link href={adminPaths.shippingLine(locale, line.id)} data-testid="edit-shipping-line">
                      {t('edit')}
                    </Link>{' '}
                    <ShippingLineToggle locale={locale} id={line.id} isActive={line.isActive} name={lineName(line, locale)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
