import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SignUpForm } from '@/components/account/sign-up-form';
import { accountPaths, safeCallbackPath } from '@/lib/auth/paths';
import { getCurrentUser } from '@/lib/auth/session';
import type { Locale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'auth' });
  return { title: `${t('signUpTitle')} | Ferry` };
}

export default async function SignUpPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const query = await searchParams;
  const callbackUrl = safeCallbackPath(query.callbackUrl, locale);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations({ locale, namespace: 'auth' });
  const passedCallback = typeof query.callbackUrl === 'string' ? callbackUrl : undefined;
  return (
    <div className="account-narrow account-panel">
      <h1>{t('signUpTitle')}</h1>
      <SignUpForm locale={locale} callbackUrl={callbackUrl} />
      <p className="account-alt">
        {t('haveAccount')} <Link href={accountPaths.signIn(locale, passedCallback)}>{t('signInLink')}</Link>
      </p>
    </div>
  );
}
