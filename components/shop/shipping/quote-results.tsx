import { getTranslations } from 'next-intl/server';
import { Money } from '@/components/bidi/money';
import { isolate } from '@/lib/i18n/bidi';
import { formatMoney } from '@/lib/money';
import { countryName, formatCentimetres, formatWeight } from '@/lib/shipping/format';
import type { ShippingQuoteRequest, ShippingQuoteResult } from '@/lib/shipping/types';
import { formatRate, formatRateDate } from '@/lib/shop/price';
import { reasonText } from './reason-text';

type Props = { locale: string; request: ShippingQuoteRequest; result: ShippingQuoteResult };

/**
 * The estimate: lines that take the parcel, cheapest first, with chargeable weight, price (and the
 * CNY it is converted from) and delivery days; then the lines that cannot, each with its reason.
 */
export async function QuoteResults({ locale, request, result }: Props) {
  const t = await getTranslations({ locale, namespace: 'shipping' });
  const country = countryName(request.country, locale);
  const dims = request.dims;
  const { rate } = result;
  return (
    <section className="estimator-results" aria-labelledby="estimator-results-title" data-testid="estimator-results" data-country={request.country}>
      <h2 id="estimator-results-title">{t('results.heading', { country })}</h2>
      <p className="muted">
        {dims
          ? t('results.summary', {
              weight: isolate(formatWeight(request.grams, locale)),
              size: isolate(`${dims.lengthCm} × ${dims.widthCm} × ${formatCentimetres(dims.heightCm, locale)}`),
            })
          : isolate(formatWeight(request.grams, locale))}
      </p>
      {result.quotes.length === 0 ? (
        <p className="notice" role="status" data-testid="no-quotes">
          {t('results.none', { country })}
        </p>
      ) : (
        <div className="estimator-table-wrap">
          <table className="estimator-table">
            <thead>
              <tr>
                <th scope="col">{t('results.line')}</th>
                <th scope="col">{t('results.chargeable')}</th>
                <th scope="col">{t('results.price')}</th>
                <th scope="col">{t('results.days')}</th>
              </tr>
            </thead>
            <tbody>
              {result.quotes.map((quote, index) => (
                <tr key={quote.lineId} data-testid="quote-row" data-line-code={quote.code} data-chargeable-grams={quote.chargeableGrams} data-price-minor={quote.price.amountMinor} data-price-cny={quote.priceCny.amountMinor}>
                  <th scope="row">
                    <span dir="auto">{quote.name}</span>
                    {index === 0 && <span className="badge estimator-cheapest">{t('results.cheapest')}</span>}
                    <span className="muted small estimator-carrier">
                      <bdi>{quote.carrier}</bdi>
                      {quote.isTaxIncluded && <> · {t('results.taxIncluded')}</>}
                    </span>
                  </th>
                  <td>
                    <bdi>{formatWeight(quote.chargeableGrams, locale)}</bdi>
                    {quote.volumetricGrams !== null && quote.volumetricGrams > quote.actualGrams && (
                      <span className="muted small estimator-volumetric">{t('results.volumetric', { weight: isolate(formatWeight(quote.volumetricGrams, locale)) })}</span>
                    )}
                  </td>
                  <td>
                    <strong>
                      <Money>{formatMoney(quote.price, locale)}</Money>
                    </strong>
                    {quote.price.currency !== 'CNY' && (
                      <span className="muted small">
                        {' ('}
                        <Money>{formatMoney(quote.priceCny, locale)}</Money>)
                      </span>
                    )}
                  </td>
                  <td>{t('results.daysValue', { min: quote.days.min, max: quote.days.max })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.unavailable.length > 0 && (
        <>
          <h3>{t('results.unavailableHeading')}</h3>
          <ul className="estimator-unavailable" role="list">
            {result.unavailable.map((line) => (
              <li key={line.lineId} data-testid="unavailable-line" data-line-code={line.code} data-reason={line.reason}>
                <strong dir="auto">{line.name}</strong>: {line.reasons.map((reason) => reasonText(t, reason, locale)).join(' ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {rate.currency !== 'CNY' && (
        <p className="muted small" data-testid="estimator-rate">
          {t('results.rateNote', { rate: formatRate(rate.rate, locale), currency: rate.currency, date: formatRateDate(rate.capturedAt, locale) })}
        </p>
      )}
      <p className="muted small">{t('results.estimateNote')}</p>
    </section>
  );
}
