'use client';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/admin/action-result';

const known = new Set(['unauthorized', 'forbidden', 'not_found', 'validation_failed', 'invalid_transition', 'payment_unavailable', 'conflict']);

/** A failed purchasing action in the purchaser's language; internal errors carry their request id. */
export function PurchaseActionError({ result }: { result: ActionResult<unknown> }) {
  const t = useTranslations('purchasing.errors');
  if (!result || result.ok) return null;
  const text = result.code === 'internal' ? t('internal', { requestId: result.requestId ?? '—' }) : known.has(result.code) ? t(result.code) : t('generic');
  return (
    <p className="admin-error" role="alert">
      {text}
    </p>
  );
}
