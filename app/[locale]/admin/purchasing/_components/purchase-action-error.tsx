'use client';
import { useTranslations } from 'next-intl';
import { failureOf, type ActionState } from '@/lib/actions/result';

const known = new Set(['unauthorized', 'forbidden', 'not_found', 'validation_failed', 'invalid_transition', 'payment_unavailable', 'conflict']);

/** A failed purchasing action in the purchaser's language; internal errors carry their request id. */
export function PurchaseActionError({ result }: { result: ActionState<unknown> }) {
  const t = useTranslations('purchasing.errors');
  const failure = failureOf(result);
  if (!failure) return null;
  const { code, requestId } = failure.error;
  const text = code === 'internal' ? t('internal', { requestId: requestId ?? '—' }) : known.has(code) ? t(code) : t('generic');
  return (
    <p className="admin-error" role="alert">
      {text}
    </p>
  );
}
