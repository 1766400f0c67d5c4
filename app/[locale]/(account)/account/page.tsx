import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PhotoSharingForm } from '@/components/account/photo-sharing-form';
import { SignOutButton } from '@/components/account/sign-out-button';
import { SignOutEverywhereButton } from '@/components/account/sign-out-everywhere-button';
import { accountPaths } from '@/lib/auth/paths';
import { isStaff } from '@/lib/auth/permissions';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { walletBalancesOf } from '@/lib/wallet/queries';
import { formatStoredMoney } from '@/lib/money';
import type { Locale } from '@/lib/i18n/locales';
import { photoSharingOf } from '@/lib/warehouse/photos/photo-sharing';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'account' });
  return { title: `${t('metaTitle')} | Ferry` };
}

export default async function AccountPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const user = await requireUserOrRedirect(locale, accountPaths.home(locale));
  const [t, tw, tp, sharing, balances] = await Promise.all([
    getTranslations({ locale, namespace: 'account' }),
    getTranslations({ locale, namespace: 'wallet' }),
    getTranslations({ locale, namespace: 'parcels' }),
    photoSharingOf(getDb(), user.id),
    walletBalancesOf(getDb(), user.id),
  ]);
  const nonZero = balances.filter((b) => b.amountMinor !== 0);
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('greeting', { name: `\u2068${user.name ?? user.email}\u2069` })}</p>
      {/* First-strong isolates keep a Latin email whole inside Arabic text. */}
      <p className="muted small">{t('signedInAs', { email: `\u2068${user.email}\u2069` })}</p>
      <ul className="account-links" role="list">
        <li>
          <Link href={accountPaths.orders(locale)}>
            <strong>{t('orders')}</strong>
            <span className="muted small">{t('ordersText')}</span>
          </Link>
        </li>
        <li>
          <Link href={accountPaths.addresses(locale)}>
            <strong>{t('addresses')}</strong>
            <span className="muted small">{t('addressesText')}</span>
          </Link>
        </li>
        <li>
          <Link href={accountPaths.wallet(locale)} data-testid="account-wallet">
            <strong>{tw('title')}</strong>
            <span className="muted small" data-testid="account-wallet-balances">
              {nonZero.length === 0 ? tw('noBalance') : nonZero.map((b) => `\u2068${formatStoredMoney(b.amountMinor, b.currency, locale)}\u2069`).join(' · ')}
            </span>
          </Link>
        </li>
        <li>
          <Link href={accountPaths.parcels(locale)} data-testid="account-parcels">
            <strong>{tp('title')}</strong>
            <span className="muted small">{tp('intro')}</span>
          </Link>
        </li>
        {isStaff(user.role) && (
          <li>
            <Link href={accountPaths.admin(locale)}>
              <strong>{t('admin')}</strong>
              <span className="muted small">{t('adminText')}</span>
            </Link>
          </li>
        )}
      </ul>
      <PhotoSharingForm locale={locale} sharing={sharing} />
      <SignOutButton locale={locale} />
      <SignOutEverywhereButton locale={locale} />
      <p>
        <Link href={`/${locale}`}>{t('backToShop')}</Link>
      </p>
    </>
  );
}
