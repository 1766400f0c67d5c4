import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SignInForm } from '@/components/account/sign-in-form';
import { accountPaths, safeCallbackPath } from '@/lib/auth/paths';
import { getCurrentUser } from '@/lib/auth/session';
import { signInErrorKey } from '@/lib/auth/sign-in-errors';
import type { Locale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'auth' });
  return { title: `${t('signInTitle')} | Ferry` };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const query = await searchParams;
  const callbackUrl = safeCallbackPath(query.callbackUrl, locale);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations({ locale, namespace: 'auth' });
  // next-auth sends its own failures here as ?error=… (its `pages.error`).
  const error = typeof query.error === 'string' ? signInErrorKey(query.error) : undefined;
  const passedCallback = typeof query.callbackUrl === 'string' ? callbackUrl : undefined;
  return (
    <div className="account-narrow account-panel">
      <h1>{t('signInTitle')}</h1>
      <SignInForm callbackUrl={callbackUrl} initialError={error} notice={query.reset === '1' ? t('passwordChanged') : undefined} />
      <div className="account-alt">
        <p>
          <Link href={accountPaths.forgotPassword(locale)}>{t('forgotLink')}</Link>
        </p>
        <p>
          {t('noAccount')} <Link href={accountPaths.signUp(locale, passedCallback)}>{t('createAccountLink')}</Link>
        </p>
      </div>
    </div>
  );
}
