import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { FormMessage } from '@/components/account/form-field';
import { ResetPasswordForm } from '@/components/account/reset-password-form';
import { accountPaths } from '@/lib/auth/paths';
import type { Locale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'auth' });
  // The URL carries a secret token: keep it out of Referer headers sent to other sites.
  return { title: `${t('resetTitle')} | Ferry`, referrer: 'no-referrer' };
}

/** Reached from the reset email; the token is checked when the form is submitted (confirmPasswordReset). */
export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const { token } = await searchParams;
  const [t, te] = await Promise.all([getTranslations({ locale, namespace: 'auth' }), getTranslations({ locale, namespace: 'formErrors' })]);
  return (
    <div className="account-narrow account-panel">
      <h1>{t('resetTitle')}</h1>
      {typeof token === 'string' && token ? (
        <ResetPasswordForm locale={locale} token={token} />
      ) : (
        <FormMessage kind="error">
          {te('tokenInvalid')} <Link href={accountPaths.forgotPassword(locale)}>{t('requestNewLink')}</Link>
        </FormMessage>
      )}
      <p className="account-alt">
        <Link href={accountPaths.signIn(locale)}>{t('backToSignIn')}</Link>
      </p>
    </div>
  );
}
