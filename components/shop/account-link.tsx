import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { accountPaths } from '@/lib/auth/paths';

/**
 * The header's account link. It never reads the session (the header is on statically rendered
 * storefront pages): `/<locale>/account` sends a signed-out shopper to the sign-in page.
 */
export async function AccountLink({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: 'accountNav' });
  return (
    <Link href={accountPaths.home(locale)} className="account-link" prefetch={false}>
      <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <span className="account-link-text">{t('account')}</span>
    </Link>
  );
}
