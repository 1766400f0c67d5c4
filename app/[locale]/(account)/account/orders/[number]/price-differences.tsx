import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import { formatStoredMoney } from '@/lib/money';
import { listOrderDifferences } from '@/lib/purchasing/queries/list-order-differences';
import { formatCny } from '@/lib/shop/price';
import { declineDifferenceAction, payDifferenceAction } from './actions';

type Props = { locale: string; userId: number; orderNumber: string; notice: string | undefined };

const notices = new Set(['declined', 'settled', 'error']);

/**
 * The seller raised a price after the shopper paid: each request lists its lines with the old and
 * new unit price and the difference in the order's currency (at its pinned rate), with "Pay the
 * difference" and "Cancel these items". Settled requests stay listed with their outcome.
 */
export async function PriceDifferences({ locale, userId, orderNumber, notice }: Props) {
  const differences = await listOrderDifferences(getDb(), userId, orderNumber);
  if (differences.length === 0) return null;
  const t = await getTranslations({ locale, namespace: 'purchasing.shopper' });

  return (
    <section className="order-section" aria-labelledby="order-price-changes" data-testid="price-differences">
      <h2 id="order-price-changes">{t('title')}</h2>
      {notice && notices.has(notice) && (
        <p role={notice === 'declined' ? 'status' : 'alert'} className={notice === 'declined' ? 'form-notice' : 'form-error'} data-testid="difference-notice">
          {t(`notice.${notice}`)}
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
                    <bdi>{formatCny(line.paidUnitMinor, locale)}</bdi>
                  </td>
                  <td>
                    <bdi>{formatCny(line.upstreamUnitMinor, locale)}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {t('difference')}:{' '}
            <strong data-testid="difference-amount">
              <bdi>{formatStoredMoney(difference.chargeMinor, difference.chargeCurrency, locale)}</bdi>
            </strong>
          </p>
          {difference.status === 'open' && (
            <div className="order-pay">
              <form action={payDifferenceAction} style={{ display: 'inline' }}>
                <Fields locale={locale} orderNumber={orderNumber} differenceId={difference.id} />
                <button type="submit" className="primary" data-testid="pay-difference">
                  {t('pay')}
                </button>
              </form>{' '}
              <form action={declineDifferenceAction} style={{ display: 'inline' }}>
                <Fields locale={locale} orderNumber={orderNumber} differenceId={difference.id} />
                <button type="submit" className="secondary" data-testid="decline-difference">
                  {t('decline')}
                </button>
              </form>
              <p className="muted small">{t('declineNote')}</p>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}

function Fields({ locale, orderNumber, differenceId }: { locale: string; orderNumber: string; differenceId: number }) {
  return (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="number" value={orderNumber} />
      <input type="hidden" name="differenceId" value={differenceId} />
    </>
  );
}
