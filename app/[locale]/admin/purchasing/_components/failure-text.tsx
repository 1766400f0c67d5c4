'use client';
import { useTranslations } from 'next-intl';
import { OUTCOME_UNKNOWN, parseFailure } from '@/lib/purchasing/failure-reason';

/** A purchase order's `last_error` worded for the purchaser: what happened and what to do. */
export function FailureText({ lastError, reference, attempts }: { lastError: string | null; reference: string; attempts: number }) {
  const t = useTranslations('purchasing.failure');
  if (!lastError) return <>—</>;
  const failure = parseFailure(lastError);
  if (!failure) {
    return (
      <span dir="auto" data-testid="failure-reason">
        {lastError}
      </span>
    );
  }
  const isUnknown = failure.code === OUTCOME_UNKNOWN;
  return (
    <span data-testid="failure-reason" data-code={failure.code} className={isUnknown ? 'admin-flag' : undefined}>
      {isUnknown ? t('outcomeUnknown', { reference }) : t(failure.stage, { code: failure.code })}
      <span className="admin-sub small muted" dir="ltr">
        {failure.message}
      </span>
      {failure.stage === 'preview' && <span className="admin-sub small">{t('attempts', { attempts })}</span>}
    </span>
  );
}
