import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { ADMIN_TIME_ZONE } from '@/lib/admin/format';
import { formatStoredMoney } from '@/lib/money';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { OUTCOME_UNKNOWN, parseFailure } from '@/lib/purchasing/failure-reason';
import { getPurchaseOrderDetail } from '@/lib/purchasing/queries/get-purchase-order';
import { FailureText } from '../_components/failure-text';
import { CancelForm, MarkPurchasedForm, RetryForm } from '../_components/purchase-action-forms';
import { PurchaseEvents } from '../_components/purchase-events';
import { PurchaseLines } from '../_components/purchase-lines';

type Props = { params: Promise<{ locale: string; id: string }> };

const isId = (value: string) => /^[1-9]\d{0,14}$/.test(value);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const [t, admin] = await Promise.all([getTranslations({ locale, namespace: 'purchasing' }), getTranslations({ locale, namespace: 'admin' })]);
  return { title: `${t('detail.title')} · ${admin('nav.brand')}` };
}

/** One purchase order: amounts expected, previewed and placed, its lines, price requests, step log and actions. */
export default async function PurchaseOrderPage({ params }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'orders:purchase', isId(id) ? adminPaths.purchaseOrder(locale, Number(id)) : adminPaths.purchasing(locale));
  if (!isId(id)) notFound();
  const po = await getPurchaseOrderDetail(getDb(), Number(id));
  if (!po) notFound();
  const [t, messages] = await Promise.all([getTranslations({ locale, namespace: 'purchasing' }), getMessages({ locale })]);
  const cny = (minor: number | null) => (minor === null ? '—' : formatStoredMoney(minor, 'CNY', locale));
  const canTakeOver = po.status === 'failed' || po.status === 'claimed' || po.status === 'previewed';
  const actionProps = { locale, purchaseOrderId: po.id, version: po.version };

  return (
    <NextIntlClientProvider locale={locale} messages={{ admin: messages.admin, purchasing: messages.purchasing }} timeZone={ADMIN_TIME_ZONE}>
      <p className="small">
        <Link href={adminPaths.purchasing(locale)}>← {t('detail.back')}</Link>
      </p>
      <div className="admin-title-row">
        <h1>
          {t('detail.title')} <span className="admin-mono" dir="ltr">{po.reference}</span>
        </h1>
        <span className="admin-badge" data-testid="purchase-status" data-status={po.status}>
          {t(`status.${po.status}`)}
        </span>
      </div>
      <dl className="admin-facts admin-facts-inline">
        <dt>{t('board.seller')}</dt>
        <dd lang="zh-CN">
          {po.sellerName} <span className="small muted" dir="ltr">({po.platform} {po.sellerSourceId})</span>
        </dd>
        <dt>{t('detail.created')}</dt>
        <dd>
          <AdminTime value={po.createdAt} />
        </dd>
        <dt>{t('board.attempts')}</dt>
        <dd>{po.attempts}</dd>
        <dt>{t('detail.version')}</dt>
        <dd data-testid="purchase-version">{po.version}</dd>
        <dt>{t('board.upstreamOrder')}</dt>
        <dd className="admin-mono" dir="ltr" data-testid="upstream-order-id">
          {po.upstreamOrderId ?? '—'}
        </dd>
        <dt>{t('board.upstreamStatus')}</dt>
        <dd>{po.upstreamStatus ?? '—'}</dd>
        <dt>{t('board.placedAt')}</dt>
        <dd>
          <AdminTime value={po.placedAt} /> {po.placedBy && <span className="small muted">({po.placedBy === 'auto' ? t('board.byWorker') : t('board.byStaff', { id: po.placedBy })})</span>}
        </dd>
      </dl>
      {po.lastError && (
        <p className="admin-error" role="note">
          <FailureText lastError={po.lastError} reference={po.reference} attempts={po.attempts} />
        </p>
      )}

      <section aria-labelledby="po-actions" className="admin-panel">
        <h2 id="po-actions">{t('detail.actions')}</h2>
        {canTakeOver ? (
          <div className="admin-transitions">
            {po.status === 'failed' && (
              <div className="admin-buttons">
                <RetryForm {...actionProps} isOutcomeUnknown={parseFailure(po.lastError)?.code === OUTCOME_UNKNOWN} />
                <CancelForm {...actionProps} />
              </div>
            )}
            <p className="small muted">{t('actions.manualHint')}</p>
            <MarkPurchasedForm {...actionProps} />
          </div>
        ) : (
          <p className="muted">{t('detail.noActions')}</p>
        )}
      </section>

      <section aria-labelledby="po-amounts">
        <h2 id="po-amounts">{t('detail.amounts')}</h2>
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="purchase-amounts">
            <thead>
              <tr>
                <th scope="col">{t('detail.stage')}</th>
                <th scope="col" className="admin-num">{t('detail.goods')}</th>
                <th scope="col" className="admin-num">{t('detail.freight')}</th>
                <th scope="col" className="admin-num">{t('detail.total')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('detail.expected')}</th>
                <td className="admin-num">{cny(po.expectedGoodsMinor)}</td>
                <td className="admin-num">—</td>
                <td className="admin-num">—</td>
              </tr>
              <tr>
                <th scope="row">{t('detail.previewed')}</th>
                <td className="admin-num">{cny(po.previewGoodsMinor)}</td>
                <td className="admin-num">{cny(po.previewFreightMinor)}</td>
                <td className="admin-num">{po.previewGoodsMinor === null ? '—' : cny(po.previewGoodsMinor + (po.previewFreightMinor ?? 0))}</td>
              </tr>
              <tr>
                <th scope="row">{t('detail.placed')}</th>
                <td className="admin-num">—</td>
                <td className="admin-num">—</td>
                <td className="admin-num">{cny(po.upstreamTotalMinor)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <PurchaseLines locale={locale} po={po} />
      <PurchaseEvents locale={locale} events={po.events} />
    </NextIntlClientProvider>
  );
}
