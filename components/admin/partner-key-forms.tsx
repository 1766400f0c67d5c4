'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createPartnerKeyAction, revokePartnerKeyAction } from '@/app/[locale]/admin/partner-keys/actions';
import { ActionError } from './action-error';

/** New key form; the secret of the key just made is shown here once (it lives only in this answer). */
export function CreatePartnerKeyForm({ locale, defaultRateLimit, maxRateLimit }: { locale: string; defaultRateLimit: number; maxRateLimit: number }) {
  const t = useTranslations('admin.partnerKeys');
  const [result, action, isPending] = useActionState(createPartnerKeyAction, null);
  return (
    <>
      <form action={action} className="admin-filters" data-testid="create-key-form">
        <input type="hidden" name="locale" value={locale} />
        <label className="admin-field admin-field-wide">
          <span>{t('name')}</span>
          <input type="text" name="name" required maxLength={120} />
        </label>
        <label className="admin-field">
          <span>{t('rateLimit')}</span>
          <input type="number" name="rateLimit" min={1} max={maxRateLimit} step={1} placeholder={String(defaultRateLimit)} inputMode="numeric" />
        </label>
        <div className="admin-filter-buttons">
          <button type="submit" className="admin-button" disabled={isPending}>
            {t('create')}
          </button>
        </div>
      </form>
      <ActionError result={result} />
      {result?.ok && (
        <div className="admin-secret" role="status" data-testid="new-key">
          <p>
            <strong>{t('createdTitle')}</strong> {t('copyHint')}
          </p>
          <dl className="admin-facts">
            <dt>{t('keyId')}</dt>
            <dd>
              <code dir="ltr" data-testid="new-key-id">
                {result.data.keyId}
              </code>
            </dd>
            <dt>{t('secret')}</dt>
            <dd>
              <code dir="ltr" data-testid="new-key-secret">
                {result.data.secret}
              </code>
            </dd>
          </dl>
        </div>
      )}
    </>
  );
}

export function RevokePartnerKeyForm({ locale, keyId, name }: { locale: string; keyId: string; name: string }) {
  const t = useTranslations('admin.partnerKeys');
  const [result, action, isPending] = useActionState(revokePartnerKeyAction, null);
  return (
    <form
      action={action}
      className="admin-inline-form"
      onSubmit={(event) => {
        if (!window.confirm(t('confirmRevoke', { name }))) event.preventDefault();
      }}
    >
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="keyId" value={keyId} />
      <button type="submit" className="admin-button admin-button-danger" disabled={isPending}>
        {t('revoke')}
      </button>
      <ActionError result={result} />
    </form>
  );
}
