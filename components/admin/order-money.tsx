import { getTranslations } from 'next-intl/server';
import type { OrderBreakdown } from '@/db/schema/orders';
import { moneyColumns } from '@/lib/admin/money-columns';
import type { AdminOrderDetail } from '@/lib/admin/queries/get-order-detail';
import { convertOrderBreakdown } from '@/lib/checkout/pricing';
import { formatStoredMoney, isSupportedCurrency } from '@/lib/money';
import { AdminTime } from './admin-time';

const lines: (keyof OrderBreakdown)[] = ['items', 'domesticShipping', 'serviceFee', 'valueAddedServices', 'codFee', 'discount'];

/**
 * The price breakdown in CNY, in the charge currency and in the reporting currency, each converted
 * at the order's pinned rate exactly as checkout did (lines add up to the stored totals); a
 * charge in the reporting currency shares its column (lib/admin/money-columns).
 */
export async function OrderMoney({ locale, order }: { locale: string; order: AdminOrderDetail['order'] }) {
  const t = await getTranslations({ locale, namespace: 'admin.detail' });
  const charge = isSupportedCurrency(order.chargeCurrency) ? convertOrderBreakdown(order.breakdownCny, order.chargeCurrency, order.chargeRate).lines : null;
  const base = isSupportedCurrency(order.baseCurrency) ? convertOrderBreakdown(order.breakdownCny, order.baseCurrency, order.baseRate).lines : null;
  const shown = lines.filter((line) => line === 'items' || order.breakdownCny[line] !== 0);
  const columns = moneyColumns(order.chargeCurrency, order.baseCurrency);
  const hasReporting = columns.some((c) => c.role === 'reporting');

  return (
    <section aria-labelledby="money-heading">
      <h2 id="money-heading">{t('money')}</h2>
      <div className="admin-table-wrap">
        <table className="admin-table" data-testid="order-breakdown">
          <thead>
            <tr>
              <th scope="col">{t('line')}</th>
              {columns.map((column) => (
                <th key={column.role} scope="col" className="admin-num" data-column={column.role}>
                  {t(`columns.${column.role}`, { currency: column.currency })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((line) => (
              <tr key={line}>
                <th scope="row">{t(`breakdown.${line}`)}</th>
                <td className="admin-num">{formatStoredMoney(order.breakdownCny[line], 'CNY', locale)}</td>
                <td className="admin-num">{charge ? formatStoredMoney(charge[line].amountMinor, order.chargeCurrency, locale) : '—'}</td>
                {hasReporting && <td className="admin-num">{base ? formatStoredMoney(base[line].amountMinor, order.baseCurrency, locale) : '—'}</td>}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('breakdown.total')}</th>
              <td className="admin-num">{formatStoredMoney(order.totalCnyMinor, 'CNY', locale)}</td>
              <td className="admin-num" data-testid="charge-total">
                {formatStoredMoney(order.chargeMinor, order.chargeCurrency, locale)}
              </td>
              {hasReporting && <td className="admin-num">{formatStoredMoney(order.baseMinor, order.baseCurrency, locale)}</td>}
            </tr>
          </tfoot>
        </table>
      </div>
      <dl className="admin-facts" data-testid="pinned-rate">
        <dt>{t('chargeRate')}</dt>
        <dd dir="ltr">
          1 CNY = {order.chargeRate} {order.chargeCurrency}
        </dd>
        <dt>{t('baseRate')}</dt>
        <dd dir="ltr">
          1 CNY = {order.baseRate} {order.baseCurrency}
        </dd>
        <dt>{t('rateSource')}</dt>
        <dd>{order.rateSource}</dd>
        <dt>{t('rateCapturedAt')}</dt>
        <dd>
          <AdminTime value={order.rateCapturedAt} />
        </dd>
      </dl>
    </section>
  );
}
