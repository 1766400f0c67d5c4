import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Money } from '@/components/bidi/money';
import { WalletTopupForm } from '@/components/account/wallet-topup-form';
import { accountPaths } from '@/lib/auth/paths';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { walletBalancesOf, walletHistoryOf } from '@/lib/wallet/queries';
import { ownWalletTopup } from '@/lib/wallet/topups';
import type { Locale } from '@/lib/i18n/locales';
import { formatStoredMoney, SUPPORTED_CURRENCIES } from '@/lib/money';
import { resolveCurrency } from '@/lib/money/locale-currency';
import { CURRENCY_COOKIE } from '@/lib/shop/preferences';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ topup?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'wallet' });
  return { title: `${t('title')} | Ferry` };
}

/**
 * The shopper's wallet: one balance per currency (sums of the ledger), a top-up through the card
 * gateway, and every movement newest first. Back from the gateway (`?topup=<reference>`), it says
 * whether that top-up is credited yet.
 */
export default async function WalletPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const user = await requireUserOrRedirect(locale, accountPaths.wallet(locale));
  const { topup } = await searchParams;
  const reference = typeof topup === 'string' && /^WT[0-9A-F]{20}$/.test(topup) ? topup : null;
  const db = getDb();
  const [t, balances, history, returned, cookieStore] = await Promise.all([
    getTranslations({ locale, namespace: 'wallet' }),
    walletBalancesOf(db, user.id),
    walletHistoryOf(db, user.id, { limit: 100 }),
    reference ? ownWalletTopup(db, user.id, reference) : null,
    cookies(),
  ]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {returned && (
        <p role="status" className={returned.status === 'flagged' ? 'form-error' : 'form-notice'} data-testid="wallet-topup-status" data-status={returned.status}>
          {t(`topupStatus.${returned.status}`, { amount: formatStoredMoney(returned.amountMinor, returned.currency, locale) })}
        </p>
      )}
      <section aria-labelledby="wallet-balances" className="account-panel">
        <h2 id="wallet-balances">{t('balances')}</h2>
        {balances.length === 0 ? (
          <p className="muted" data-testid="wallet-empty">
            {t('noBalance')}
          </p>
        ) : (
          <ul className="wallet-balances" role="list" data-testid="wallet-balances">
            {balances.map((balance) => (
              <li key={balance.currency} data-currency={balance.currency}>
                <strong>
                  <Money testId="wallet-balance">{formatStoredMoney(balance.amountMinor, balance.currency, locale)}</Money>
                </strong>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="wallet-topup" className="account-panel">
        <h2 id="wallet-topup">{t('topUpTitle')}</h2>
        <p className="muted small">{t('topUpText')}</p>
        <WalletTopupForm locale={locale} currencies={SUPPORTED_CURRENCIES} defaultCurrency={resolveCurrency(cookieStore.get(CURRENCY_COOKIE)?.value, locale)} />
      </section>
      <section aria-labelledby="wallet-history">
        <h2 id="wallet-history">{t('history')}</h2>
        {history.length === 0 ? (
          <p className="muted">{t('noHistory')}</p>
        ) : (
          <table className="orders-table" data-testid="wallet-history">
            <thead>
              <tr>
                <th scope="col">{t('date')}</th>
                <th scope="col">{t('movement')}</th>
                <th scope="col">{t('amount')}</th>
                <th scope="col">{t('details')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry) => (
                <tr key={entry.id} data-kind={entry.kind}>
                  <td>{when.format(entry.createdAt)}</td>
                  <td>{t(`kind.${entry.kind}`)}</td>
                  <td>
                    <Money>{formatStoredMoney(entry.amountMinor, entry.currency, locale)}</Money>
                  </td>
                  <td dir="auto">{entry.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p>
        <Link href={accountPaths.home(locale)}>{t('back')}</Link>
      </p>
    </>
  );
}
