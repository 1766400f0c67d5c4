import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ForgotPasswordForm } from '@/components/account/forgot-password-form';
import { accountPaths } from '@/lib/auth/paths';
import type { Locale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'auth' });
  return { title: `${t('forgotTitle')} | Ferry` };
}

export default async function ForgotPasswordPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const t = await getTranslations({ locale, namespace: 'auth' });
  return (
    <div className="account-narrow account-panel">
      <h1>{t('forgotTitle')}</h1>
      <p>{t('forgotText')}</p>
      <ForgotPasswordForm locale={locale} />
      <p className="account-alt">
        <Link href={accountPaths.signIn(locale)}>{t('backToSignIn')}</Link>
      </p>
    </div>
  );
}
