'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { signInErrorKey } from '@/lib/auth/sign-in-errors';
import { Field, FormMessage } from './form-field';

type Props = { callbackUrl: string; initialError?: string; notice?: string };

/** Email + password through next-auth's credentials provider, then on to `callbackUrl` (already checked to be a local path). */
export function SignInForm({ callbackUrl, initialError, notice }: Props) {
  const t = useTranslations('auth');
  const te = useTranslations('formErrors');
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError(undefined);
    startTransition(async () => {
      const result = await signIn('credentials', { email: String(data.get('email') ?? ''), password: String(data.get('password') ?? ''), redirect: false });
      if (!result || result.error) {
        setError(signInErrorKey(result?.error ?? 'unknown'));
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    });
  }

  return (
    <form className="account-form" onSubmit={onSubmit} noValidate>
      {notice && !error && <FormMessage kind="notice">{notice}</FormMessage>}
      {error && <FormMessage kind="error">{te(error)}</FormMessage>}
      <Field name="email" type="email" label={t('email')} autoComplete="username" required maxLength={254} />
      <Field name="password" type="password" label={t('password')} autoComplete="current-password" required maxLength={256} />
      <button type="submit" className="primary" disabled={isPending}>
        {isPending ? t('signingIn') : t('signInButton')}
      </button>
    </form>
  );
}
