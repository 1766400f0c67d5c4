'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { importLinkAction } from '@/app/[locale]/(shop)/[currency]/link-import/actions';
import { failureOf } from '@/lib/actions/result';

type Props = {
  locale: string;
  /** The input's id; the label, hint and error ids derive from it. */
  id: string;
  defaultValue?: string;
  /** The hint names the marketplaces; off where the text around the box already does (the home hero). */
  hasHint?: boolean;
};

/**
 * The paste box. It posts to a server action, so it works before hydration and without JavaScript
 * (a plain POST answered by a redirect to the product, or by the page with the message). The field
 * is `type="text"`: app share texts (`【淘宝】https://… 点击链接直接打开`) are not valid URLs and
 * the browser would refuse them; the server finds the link inside.
 */
export function LinkImportForm({ locale, id, defaultValue = '', hasHint = true }: Props) {
  const t = useTranslations('suppliers.linkImport');
  const [state, action, isPending] = useActionState(importLinkAction, null);
  const error = failureOf(state);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  return (
    <form action={action} className="paste-form" data-testid="link-import-form">
      <input type="hidden" name="locale" value={locale} />
      <label htmlFor={id}>{t('label')}</label>
      {hasHint && (
        <p id={hintId} className="paste-hint">
          {t('hint')}
        </p>
      )}
      <div className="paste-row">
        <input
          // A new answer remounts the field with what was pasted: React resets a form after its action.
          key={error ? error.at : 'initial'}
          id={id}
          name="url"
          type="text"
          inputMode="url"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder={t('placeholder')}
          defaultValue={error ? (error.values?.url ?? '') : defaultValue}
          required
          maxLength={2000}
          aria-describedby={[hasHint && hintId, error && errorId].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? true : undefined}
          data-testid="link-import-input"
        />
        <button type="submit" disabled={isPending} aria-busy={isPending || undefined} data-testid="link-import-submit">
          {isPending ? t('pending') : t('button')}
        </button>
      </div>
      {error && (
        <p id={errorId} role="alert" className="form-error" data-testid="link-import-error">
          {error.error.message}
        </p>
      )}
    </form>
  );
}
