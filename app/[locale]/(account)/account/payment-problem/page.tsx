import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { accountPaths } from '@/lib/auth/paths';
import type { Locale } from '@/lib/i18n/locales';
import { safeRetryPath } from '@/lib/payments/pay-link-problem';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ problem?: string | string[]; retry?: string | string[]; ref?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ locale }, query] = await Promise.all([params, searchParams]);
  const t = await getTranslations({ locale, namespace: 'paymentProblem' });
  return { title: `${first(query.problem) === 'unavailable' ? t('unavailableTitle') : t('internalTitle')} | Ferry` };
}

/**
 * Where a pay link that failed sends the browser (lib/payments/pay-link-failure): the gateway or
 * database is down (try again), a link that is not valid (the 404 page), or a bug (its request id).
 */
export default async function PaymentProblemPage({ params, searchParams }: Props) {
  const [{ locale }, query] = await Promise.all([params, searchParams]);
  setRequestLocale(locale as Locale);
  const problem = first(query.problem);
  if (problem === 'not_found') notFound();
  const t = await getTranslations({ locale, namespace: 'paymentProblem' });
  const retry = safeRetryPath(query.retry);
  const ref = first(query.ref);
  const isUnavailable = problem === 'unavailable';
  return (
    <section className="payment-problem" data-testid="payment-problem" data-problem={isUnavailable ? 'unavailable' : 'internal'}>
      <h1>{isUnavailable ? t('unavailableTitle') : t('internalTitle')}</h1>
      <p>{isUnavailable ? t('unavailableText') : t('internalText')}</p>
      {!isUnavailable && ref && /^[0-9a-f-]{36}$/.test(ref) && (
        <p className="muted small" data-testid="payment-problem-ref">
          {t('reference', { id: `\u2068${ref}\u2069` })}
        </p>
      )}
      <p>
        {isUnavailable && retry && (
          <>
            <a href={retry} className="primary button-link" data-testid="payment-retry">
              {t('retry')}
            </a>{' '}
          </>
        )}
        <Link href={accountPaths.orders(locale)}>{t('ordersLink')}</Link>
      </p>
    </section>
  );
}
