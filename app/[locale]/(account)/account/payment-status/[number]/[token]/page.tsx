import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Code } from '@/components/bidi/code';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/locales';
import { orderForPayLink } from '@/lib/payments/pay-order';

type Props = { params: Promise<{ locale: string; number: string; token: string }>; searchParams: Promise<{ payment?: string | string[] }> };


type Shown = 'confirming' | 'paid' | 'unpaid' | 'cancelled';

/** pending + the gateway's "succeeded/processing" (checked by the return route) → confirming. */
function shown(status: string, payment: string | undefined): Shown {
  if (status === 'pending') return payment === 'processing' || payment === 'succeeded' ? 'confirming' : 'unpaid';
  if (status === 'cancelled' || status === 'refunded') return 'cancelled';
  return 'paid';
}

async function stateOf(number: string, token: string, payment: string | string[] | undefined): Promise<Shown> {
  let status: string;
  try {
    status = (await orderForPayLink(getDb(), number, token)).status;
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
  return shown(status, Array.isArray(payment) ? payment[0] : payment);
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ locale, number, token }, query] = await Promise.all([params, searchParams]);
  const t = await getTranslations({ locale, namespace: 'paymentStatus' });
  return { title: `${t(`${await stateOf(number, token, query.payment)}.title`)} | Ferry`, robots: { index: false } };
}

/**
 * Where a partner's customer (who has no Ferry account) lands back from the gateway: the order's
 * payment state in their language, found by the pay link's number and token like the link itself.
 */
export default async function PaymentStatusPage({ params, searchParams }: Props) {
  const [{ locale, number, token }, query] = await Promise.all([params, searchParams]);
  setRequestLocale(locale as Locale);
  const [state, t] = await Promise.all([stateOf(number, token, query.payment), getTranslations({ locale, namespace: 'paymentStatus' })]);
  return (
    <section className="payment-problem" data-testid="payment-status" data-state={state}>
      <h1>{t(`${state}.title`)}</h1>
      <p>{t(`${state}.text`, { number: `\u2068${number}\u2069` })}</p>
      <p className="muted small">
        {t('orderNumber')} <Code>{number}</Code>
      </p>
      {state === 'unpaid' && (
        <p>
          <a href={`/pay/${encodeURIComponent(number)}/${encodeURIComponent(token)}`} className="primary button-link" data-testid="payment-status-pay">
            {t('payAgain')}
          </a>
        </p>
      )}
      {state !== 'unpaid' && <p>{t('close')}</p>}
    </section>
  );
}
