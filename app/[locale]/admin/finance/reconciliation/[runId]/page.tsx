import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { ReconciliationExplainForm } from '@/components/admin/reconciliation-explain-form';
import { adminPaths } from '@/lib/admin/paths';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getReconciliationRun, ITEMS_SHOWN } from '@/lib/finance/reconcile/queries';
import { isLocale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money';

type Props = { params: Promise<{ locale: string; runId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('reconciliation.title')} · ${t('nav.brand')}` };
}

const KIND_KEYS = {
  missing_in_ledger: 'kindMissingInLedger',
  missing_in_settlement: 'kindMissingInSettlement',
  amount_mismatch: 'kindAmountMismatch',
  currency_mismatch: 'kindCurrencyMismatch',
} as const;

/** One reconciled day: totals per currency and its differences, each explainable by finance with a note. */
export default async function ReconciliationRunPage({ params }: Props) {
  const { locale, runId } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const id = /^\d{1,15}$/.test(runId) ? Number(runId) : null;
  const user = await requireStaffPage(locale, 'payments:read', id ? adminPaths.reconciliationRun(locale, id) : adminPaths.reconciliation(locale));
  if (!id) notFound();
  const [found, t] = await Promise.all([getReconciliationRun(getDb(), id), getTranslations({ locale, namespace: 'admin.reconciliation' })]);
  if (!found) notFound();
  const { run, totals, items } = found;
  const canExplain = can(user.role, 'finance:reconcile');
  const others = run.otherCategories ? Object.entries(JSON.parse(run.otherCategories) as Record<string, number>).map(([category, n]) => `${category} × ${n}`) : [];
  const money = (amount: number | null, currency: string | null) => (amount === null || currency === null ? '—' : formatStoredMoney(amount, currency, locale));
  return (
    <>
      <p className="small">
        <Link href={adminPaths.reconciliation(locale)}>{t('back')}</Link>
      </p>
      <h1>{t('detailTitle', { day: run.day })}</h1>
      <p className="muted">
        {run.source === 'api' ? t('sourceApi') : t('sourceFile')} · <span dir="ltr">{run.gateway}</span>
        {run.fileName && (
          <>
            {' '}
            · <span dir="ltr">{run.fileName}</span>
          </>
        )}
        {run.finishedAt && (
          <>
            {' '}
            · <AdminTime value={run.finishedAt} />
          </>
        )}{' '}
        · {t('rate')}: {new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(Number(run.mismatchRate))}{' '}
        <span className={`admin-badge ${run.isAlert ? 'admin-recon-alert' : 'admin-recon-ok'}`}>{run.isAlert ? t('alert') : t('noAlert')}</span>
      </p>
      {run.error && <p className="admin-error">{run.error}</p>}
      <h2>{t('totals')}</h2>
      <div className="admin-table-wrap">
        <table className="admin-table" data-testid="reconciliation-totals">
          <thead>
            <tr>
              <th scope="col">{t('currency')}</th>
              <th scope="col" className="admin-num">{t('movements')}</th>
              <th scope="col" className="admin-num">{t('gross')}</th>
              <th scope="col" className="admin-num">{t('fees')}</th>
              <th scope="col" className="admin-num">{t('mismatched')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(totals).map(([currency, total]) => (
              <tr key={currency}>
                <td dir="ltr">{currency}</td>
                <td className="admin-num">{total.movements}</td>
                <td className="admin-num">{money(total.grossMinor, currency)}</td>
                <td className="admin-num">{money(total.feeMinor, currency)}</td>
                <td className="admin-num">{money(total.mismatchedMinor, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others.length > 0 && <p className="small muted">{t('otherCategories', { list: others.join(', ') })}</p>}
      <h2>{t('items')}</h2>
      {items.length === 0 ? (
        <p className="admin-empty">{t('noItems')}</p>
      ) : (
        <div className="admin-table-wrap">
          {run.itemCount > ITEMS_SHOWN && <p className="small muted">{t('itemsShown', { shown: ITEMS_SHOWN, total: run.itemCount })}</p>}
          <table className="admin-table" data-testid="reconciliation-items">
            <thead>
              <tr>
                <th scope="col">{t('kind')}</th>
                <th scope="col" className="admin-num">{t('gatewayAmount')}</th>
                <th scope="col" className="admin-num">{t('ledgerAmount')}</th>
                <th scope="col">{t('ids')}</th>
                <th scope="col">{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-item={item.id} data-kind={item.kind} data-status={item.status}>
                  <td>
                    {t(KIND_KEYS[item.kind])}
                    {item.category && <span className="admin-sub small muted admin-mono">{item.category}</span>}
                  </td>
                  <td className="admin-num">{money(item.gatewayAmountMinor, item.gatewayCurrency)}</td>
                  <td className="admin-num">{money(item.ledgerAmountMinor, item.ledgerCurrency)}</td>
                  <td className="admin-mono small" dir="ltr">
                    {item.orderNumber && (
                      <Link href={adminPaths.order(locale, item.orderNumber)} className="admin-sub">
                        {item.orderNumber}
                      </Link>
                    )}
                    {[item.balanceTransactionId, item.paymentIntentId, item.chargeId, item.ledgerTransactionId].filter(Boolean).map((ref) => (
                      <span key={ref} className="admin-sub">
                        {ref}
                      </span>
                    ))}
                  </td>
                  <td>
                    {item.status === 'explained' ? (
                      <>
                        <span className="admin-badge admin-recon-ok">{t('statusExplained')}</span>
                        <span className="admin-sub small" dir="auto">
                          {item.note}
                        </span>
                        <span className="admin-sub small muted">
                          {item.explainedBy && t('explainedBy', { email: item.explainedBy })} {item.explainedAt && <AdminTime value={item.explainedAt} />}
                        </span>
                      </>
                    ) : canExplain ? (
                      <ReconciliationExplainForm locale={locale} runId={run.id} itemId={item.id} />
                    ) : (
                      <span className="admin-badge admin-recon-alert">{t('statusOpen')}</span>
                    )}
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
