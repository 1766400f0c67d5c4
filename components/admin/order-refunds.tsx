import { getTranslations } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { formatStoredMoney } from '@/lib/money';
import type { OrderRefund } from '@/lib/payments/list-refunds';

/** The order's refunds with their status, and what became of each refunded item upstream. */
export async function OrderRefunds({ locale, refunds, itemTitles }: { locale: string; refunds: OrderRefund[]; itemTitles: Map<number, string> }) {
  const t = await getTranslations({ locale, namespace: 'admin.refunds' });
  if (refunds.length === 0) return <p className="muted">{t('none')}</p>;
  return (
    <table className="admin-table" data-testid="order-refunds">
      <thead>
        <tr>
          <th>{t('when')}</th>
          <th>{t('amountHeading')}</th>
          <th>{t('to')}</th>
          <th>{t('statusHeading')}</th>
          <th>{t('reason')}</th>
          <th>{t('items')}</th>
        </tr>
      </thead>
      <tbody>
        {refunds.map((refund) => (
          <tr key={refund.id} data-status={refund.status}>
            <td>
              <AdminTime value={refund.createdAt} />
            </td>
            <td dir="ltr">{formatStoredMoney(refund.amountMinor, refund.currency, locale)}</td>
            <td>{t(`destination.${refund.destination}`)}</td>
            <td>
              {t(`status.${refund.status}`)}
              {refund.failureReason ? ` — ${refund.failureReason}` : ''}
            </td>
            <td>{refund.reason}</td>
            <td>
              {(refund.items ?? []).map((item) => (
                <div key={item.orderItemId} data-disposition={item.disposition ?? ''}>
                  {itemTitles.get(item.orderItemId) ?? `#${item.orderItemId}`}
                  {item.disposition ? `: ${t(`disposition.${item.disposition}`)}` : ''}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
