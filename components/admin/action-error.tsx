'use client';
import { useTranslations } from 'next-intl';
import { failureOf, type ActionState } from '@/lib/actions/result';

const known = new Set(['unauthorized', 'forbidden', 'not_found', 'validation_failed', 'invalid_transition', 'payment_unavailable', 'conflict']);

/** A failed admin action, worded in the staff member's language (internal errors carry their request id). */
export function ActionError({ result }: { result: ActionState<unknown> }) {
  const t = useTranslations('admin.errors');
  const failure = failureOf(result);
  if (!failure) return null;
  const { code, requestId } = failure.error;
  const text = code === 'internal' ? t('internal', { requestId: requestId ?? '—' }) : known.has(code) ? t(code) : t('generic');
  return (
    <p className="admin-error" role="alert">
      {text}
      {code === 'invalid_transition' && (
        <>
          {' '}
          <button type="button" className="admin-link-button" onClick={() => window.location.reload()}>
            {t('reload')}
          </button>
        </>
      )}
    </p>
  );
}
