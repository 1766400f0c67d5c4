'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

/**
 * Clears the session cookie, then goes to the storefront home in the same language. The navigation
 * is ours (redirect: false) so it stays on the origin the shopper is using, whatever NEXTAUTH_URL
 * says; the refresh drops account pages the router still holds.
 */
export function SignOutButton({ locale }: { locale: string }) {
  const t = useTranslations('account');
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const onClick = () =>
    startTransition(async () => {
      await signOut({ redirect: false });
      router.replace(`/${locale}`);
      router.refresh();
    });
  return (
    <button type="button" className="secondary" disabled={isPending} onClick={onClick}>
      {isPending ? t('signingOut') : t('signOut')}
    </button>
  );
}
