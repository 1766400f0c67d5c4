'use client';
import { useTranslations } from 'next-intl';
import { wordedAdminErrorCodes } from '@/lib/admin/action-error-codes';
import { failureOf, type ActionState } from '@/lib/actions/result';

/**
 * A failed admin action, worded in the staff member's language (internal errors carry their request
 * id). `isDescribed`: the action words its refusals itself (its `describe`), so its message is shown.
 */
export function ActionError({ result, isDescribed = false }: { result: ActionState<unknown>; isDescribed?: boolean }) {
  const t = useTranslations('admin.errors');
  const failure = failureOf(result);
  if (!failure) return null;
  const { code, requestId, reason, message } = failure.error;
  const text = code === 'internal' ? t('internal', { requestId: requestId ?? '—' }) : isDescribed ? message : wordedAdminErrorCodes.has(code) ? t(code) : t('generic');
  return (
    <p className="admin-error" role="alert" data-code={code} data-reason={reason}>
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
