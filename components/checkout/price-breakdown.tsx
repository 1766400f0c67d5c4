import { useTranslations } from 'next-intl';
import type { OrderBreakdown } from '@/db/schema/orders';
import type { ConvertedBreakdown } from '@/lib/checkout/pricing';
import { formatMoney } from '@/lib/money';
import { formatCny } from '@/lib/shop/price';
import { Money } from '@/components/bidi/money';

type Props = {
  locale: string;
  breakdownCny: OrderBreakdown;
  totalCny: number;
  /** The same breakdown in the shopper's currency (convertOrderBreakdown: the lines add up to the total). */
  converted: ConvertedBreakdown;
  /** "5 %, at least ¥10.00" on the checkout page; the order page shows the fee as charged. */
  serviceFeeNote?: string;
  /** Domestic shipping per seller parcel, CNY. */
  sellers?: { sellerId: number; sellerName: string; domesticShippingCny: number }[];
};

const rows = ['items', 'domesticShipping', 'serviceFee', 'valueAddedServices', 'codFee', 'discount'] as const;

/**
 * A price breakdown, each line in CNY and in the charge currency, then the total. Used by the
 * checkout page (before paying, recomputed in the browser) and the order page (as pinned). No
 * hooks beyond translations, so it renders on the server and in client components alike.
 */
export function PriceBreakdown({ locale, breakdownCny, totalCny, converted, serviceFeeNote, sellers }: Props) {
  const t = useTranslations('breakdown');
  const currency = converted.total.currency;
  const isCny = currency === 'CNY';
  const shown = rows.filter((key) => (key === 'codFee' || key === 'discount' ? breakdownCny[key] !== 0 : true));
  return (
    <table className="breakdown" data-testid="breakdown">
      <caption className="visually-hidden">{t('caption')}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{t('columnCny')}</th>
          {!isCny && <th scope="col">{t('columnCharge', { currency })}</th>}
        </tr>
      </thead>
      <tbody>
        {shown.map((key) => (
          <tr key={key} data-testid={`breakdown-${key}`}>
            <th scope="row">
              {t(key)}
              {key === 'serviceFee' && serviceFeeNote && <span className="muted small"> ({serviceFeeNote})</span>}
              {key === 'domesticShipping' && sellers && sellers.length > 0 && (
                <ul className="breakdown-sellers muted small" role="list">
                  {sellers.map((s) => (
                    <li key={s.sellerId}>
                      <bdi>{s.sellerName}</bdi>: <Money>{formatCny(s.domesticShippingCny, locale)}</Money>
                    </li>
                  ))}
                </ul>
              )}
            </th>
            <td data-currency="CNY">
              <Money>{formatCny(breakdownCny[key], locale)}</Money>
            </td>
            {!isCny && (
              <td data-currency={currency}>
                <Money>{formatMoney(converted.lines[key], locale)}</Money>
              </td>
            )}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-testid="breakdown-total">
          <th scope="row">{t('total')}</th>
          <td data-currency="CNY">
            {isCny ? (
              <strong>
                <Money>{formatCny(totalCny, locale)}</Money>
              </strong>
            ) : (
              <Money>{formatCny(totalCny, locale)}</Money>
            )}
          </td>
          {!isCny && (
            <td data-currency={currency}>
              <strong>
                <Money>{formatMoney(converted.total, locale)}</Money>
              </strong>
            </td>
          )}
        </tr>
      </tfoot>
    </table>
  );
}
