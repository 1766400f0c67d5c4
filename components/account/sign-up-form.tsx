'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { signUpAction } from '@/app/[locale]/(account)/account/actions';
import { accountPaths } from '@/lib/auth/paths';
import { Field, FormMessage } from './form-field';
import type { ActionState } from '@/lib/actions/result';
import { fieldError, formMessage, typedValue } from './form-state';

/**
 * Creates the account (server action), then signs in with the same credentials and goes on to
 * `callbackUrl`. The action answers the same for a taken email (its owner is mailed instead); then
 * signing in fails and the form says to check the inbox — the same words whatever the reason.
 */
export function SignUpForm({ locale, callbackUrl }: { locale: string; callbackUrl: string }) {
  const t = useTranslations('auth');
  const te = useTranslations('formErrors');
  const router = useRouter();
  const [state, setState] = useState<ActionState<void>>(null);
  const [isCheckingEmail, setCheckingEmail] = useState(false);
  const [isPending, startTransition] = useTransition();
  const error = (field: string) => {
    const key = fieldError(state, field);
    return key ? te(key) : undefined;
  };
  const formError = formMessage(state, ['name', 'email', 'password', 'confirmPassword']);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      setCheckingEmail(false);
      const result = await signUpAction(null, data);
      setState(result);
      if (!result?.ok) return;
      const signedIn = await signIn('credentials', { email: String(data.get('email') ?? ''), password: String(data.get('password') ?? ''), redirect: false });
      if (!signedIn || signedIn.error) {
        setCheckingEmail(true);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    });
  }

  return (
    <form className="account-form" onSubmit={onSubmit} noValidate>
      {formError && <FormMessage kind="error">{formError}</FormMessage>}
      {isCheckingEmail && (
        <FormMessage kind="notice">
          {t('signUpCheckEmail')} <Link href={accountPaths.signIn(locale, callbackUrl)}>{t('signInLink')}</Link>
        </FormMessage>
      )}
      <input type="hidden" name="locale" value={locale} />
      <Field name="name" label={t('name')} autoComplete="name" maxLength={120} defaultValue={typedValue(state, 'name')} error={error('name')} />
      <Field name="email" type="email" label={t('email')} autoComplete="email" required maxLength={254} defaultValue={typedValue(state, 'email')} error={error('email')} />
      <Field name="password" type="password" label={t('password')} autoComplete="new-password" required minLength={8} maxLength={256} hint={t('passwordHint')} error={error('password')} />
      <Field name="confirmPassword" type="password" label={t('confirmPassword')} autoComplete="new-password" required maxLength={256} error={error('confirmPassword')} />
      <button type="submit" className="primary" disabled={isPending}>
        {isPending ? t('creatingAccount') : t('signUpButton')}
      </button>
    </form>
  );
}
