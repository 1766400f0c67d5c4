import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import { walletBalancesOf } from '@/lib/wallet/queries';
import { formatStoredMoney } from '@/lib/money';
import { listOrderDifferences } from '@/lib/purchasing/queries/list-order-differences';
import { formatCny } from '@/lib/shop/price';
import { DifferenceButtons } from './difference-buttons';
import { Money } from '@/components/bidi/money';

type Props = { locale: string; userId: number; orderNumber: string; notice: string | undefined };

/**
 * The seller raised a price after the shopper paid: each request lists its lines with the old and
 * new unit price and the difference in the order's currency (at its pinned rate), with "Pay the
 * difference" and "Cancel these items". Settled requests stay listed with their outcome.
 */
export async function PriceDifferences({ locale, userId, orderNumber, notice }: Props) {
  const differences = await listOrderDifferences(getDb(), userId, orderNumber);
  if (differences.length === 0) return null;
  const [t, tw, balances] = await Promise.all([getTranslations({ locale, namespace: 'purchasing.shopper' }), getTranslations({ locale, namespace: 'wallet.pay' }), walletBalancesOf(getDb(), userId)]);
  /** The balance in a currency, when it covers `minor` whole (a difference is paid from the wallet fully or by card). */
  const covering = (minor: number, currency: string) => balances.find((b) => b.currency === currency && b.amountMinor >= minor);

  return (
    <section className="order-section" aria-labelledby="order-price-changes" data-testid="price-differences">
      <h2 id="order-price-changes">{t('title')}</h2>
      {notice === 'wallet' && (
        <p role="status" className="form-notice" data-testid="difference-notice">
          {tw('paidNotice')}
        </p>
      )}
      {notice === 'declined' && (
        <p role="status" className="form-notice" data-testid="difference-notice">
          {t('notice.declined')}
        </p>
      )}
      {differences.map((difference) => (
        <article key={difference.id} data-testid="price-difference" data-status={difference.status}>
          {difference.status === 'open' ? <p>{t('intro')}</p> : <p className="muted">{t(`status.${difference.status}`)}</p>}
          <table className="orders-table">
            <thead>
              <tr>
                <th scope="col">{t('item')}</th>
                <th scope="col">{t('quantity')}</th>
                <th scope="col">{t('oldPrice')}</th>
                <th scope="col">{t('newPrice')}</th>
              </tr>
            </thead>
            <tbody>
              {difference.lines.map((line) => (
                <tr key={line.orderItemId}>
                  <td dir="auto">{line.title}</td>
                  <td>{line.quantity}</td>
                  <td>
                    <Money>{formatCny(line.paidUnitMinor, locale)}</Money>
                  </td>
                  <td>
                    <Money>{formatCny(line.upstreamUnitMinor, locale)}</Money>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {t('difference')}:{' '}
            <strong data-testid="difference-amount">
              <Money>{formatStoredMoney(difference.chargeMinor, difference.chargeCurrency, locale)}</Money>
            </strong>
          </p>
          {difference.status === 'open' && (
            <div className="order-pay">
              <DifferenceButtons
                locale={locale}
                orderNumber={orderNumber}
                differenceId={difference.id}
                labels={{ pay: t('pay'), decline: t('decline'), settled: t('notice.settled'), error: t('notice.error') }}
                wallet={
                  covering(difference.chargeMinor, difference.chargeCurrency)
                    ? { pay: tw('fromBalance', { balance: formatStoredMoney(covering(difference.chargeMinor, difference.chargeCurrency)!.amountMinor, difference.chargeCurrency, locale) }), insufficient: tw('insufficient') }
                    : undefined
                }
              />
              <p className="muted small">{t('declineNote')}</p>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
