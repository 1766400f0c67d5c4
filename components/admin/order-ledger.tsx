import { getTranslations } from 'next-intl/server';
import { formatStoredMoney } from '@/lib/money';
import type { AdminOrderDetail } from '@/lib/admin/queries/get-order-detail';
import { AdminTime } from './admin-time';

/** The order's payment ledger rows (append-only): charges, refunds, failures, COD dues; flagged rows say why. */
export async function OrderLedger({ locale, ledger }: { locale: string; ledger: AdminOrderDetail['ledger'] }) {
  const t = await getTranslations({ locale, namespace: 'admin' });
  return (
    <section aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">{t('ledger.title')}</h2>
      {ledger.length === 0 ? (
        <p className="admin-empty">{t('ledger.empty')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="payment-ledger">
            <thead>
              <tr>
                <th scope="col">{t('ledger.time')}</th>
                <th scope="col">{t('ledger.kind')}</th>
                <th scope="col" className="admin-num">{t('ledger.amount')}</th>
                <th scope="col">{t('ledger.status')}</th>
                <th scope="col">{t('ledger.transaction')}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.map((row) => (
                <tr key={row.id} data-kind={row.kind} data-ledger-status={row.status}>
                  <td>
                    <AdminTime value={row.createdAt} />
                  </td>
                  <td>{t(`ledger.kinds.${row.kind}`)}</td>
                  <td className="admin-num">{formatStoredMoney(row.amountMinor, row.currency, locale)}</td>
                  <td>
                    {row.status === 'flagged' ? (
                      <span className="admin-flag">
                        ⚑ {t('ledger.flagged')}
                        {row.flagReason && <span className="admin-sub small">{row.flagReason}</span>}
                      </span>
                    ) : (
                      t('ledger.recorded')
                    )}
                  </td>
                  <td className="admin-mono admin-wrap" dir="ltr">
                    {row.gateway} · {row.transactionId}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
