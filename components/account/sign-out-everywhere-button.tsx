'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { signOutEverywhereAction } from '@/app/[locale]/(account)/account/actions';
import { accountPaths } from '@/lib/auth/paths';
import { FormMessage } from './form-field';

/**
 * Ends every session of the account (other browsers, a lost phone), then clears this browser's
 * cookie too and goes to the sign-in page.
 */
export function SignOutEverywhereButton({ locale }: { locale: string }) {
  const t = useTranslations('account');
  const te = useTranslations('formErrors');
  const router = useRouter();
  const [formError, setFormError] = useState<string | undefined>();
  const [isPending, startTransition] = useTransition();
  const onClick = () =>
    startTransition(async () => {
      const result = await signOutEverywhereAction(null, new FormData());
      // Already signed out (the session ended meanwhile) counts as done.
      if (!result?.ok && result?.error.code !== 'unauthorized') {
        setFormError('generic');
        return;
      }
      await signOut({ redirect: false });
      router.replace(accountPaths.signIn(locale));
      router.refresh();
    });
  return (
    <div className="account-sign-out-everywhere">
      {formError && <FormMessage kind="error">{te(formError)}</FormMessage>}
      <p className="muted small">{t('signOutEverywhereText')}</p>
      <button type="button" className="secondary" disabled={isPending} onClick={onClick} data-testid="sign-out-everywhere">
        {isPending ? t('signingOutEverywhere') : t('signOutEverywhere')}
      </button>
    </div>
  );
}
