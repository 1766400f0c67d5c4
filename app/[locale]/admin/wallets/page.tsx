import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Form from 'next/form';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { WalletAdjustForm } from '@/components/admin/wallet-adjust-form';
import { adminPaths } from '@/lib/admin/paths';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { verifyWalletBalances, walletBalancesOf, walletHistoryOf, walletOwnerByEmail } from '@/lib/wallet/queries';
import { isLocale } from '@/lib/i18n/locales';
import { formatStoredMoney, SUPPORTED_CURRENCIES } from '@/lib/money';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ email?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('wallets.title')} · ${t('nav.brand')}` };
}

/**
 * Shoppers' wallets for finance: find one by email, see the balances (and the proof that the cached
 * balances equal the ledger's sums), every movement, and adjust by hand with a reason (wallet:adjust).
 */
export default async function AdminWalletsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, 'wallet:read', adminPaths.wallets(locale));
  const query = await searchParams;
  const email = (Array.isArray(query.email) ? query.email[0] : query.email)?.trim().slice(0, 254) ?? '';
  const db = getDb();
  const [t, tw, owner, mismatches] = await Promise.all([
    getTranslations({ locale, namespace: 'admin.wallets' }),
    getTranslations({ locale, namespace: 'wallet.kind' }),
    email ? walletOwnerByEmail(db, email) : null,
    verifyWalletBalances(db),
  ]);
  const [balances, history] = owner ? await Promise.all([walletBalancesOf(db, owner.id), walletHistoryOf(db, owner.id, { limit: 200 })]) : [[], []];

  return (
    <>
      <h1>{t('title')}</h1>
      <p className={mismatches.length === 0 ? 'muted' : 'admin-error'} data-testid="wallet-check" data-mismatches={mismatches.length}>
        {mismatches.length === 0 ? t('checkOk') : t('checkMismatch', { users: mismatches.map((m) => `#${m.userId} ${m.currency}`).join(', ') })}
      </p>
      <Form action={adminPaths.wallets(locale)} className="admin-filters" role="search" aria-label={t('search')}>
        <label className="admin-field admin-field-wide">
          <span>{t('email')}</span>
          <input type="search" name="email" defaultValue={email} maxLength={254} dir="ltr" data-testid="wallet-search-email" />
        </label>
        <div className="admin-filter-buttons">
          <button type="submit" className="admin-button">
            {t('search')}
          </button>
        </div>
      </Form>
      {email && !owner && <p className="admin-empty">{t('notFound')}</p>}
      {owner && (
        <section className="admin-panel" data-testid="wallet-owner">
          <h2 dir="ltr">{owner.email}</h2>
          <h3>{t('balances')}</h3>
          {balances.length === 0 ? (
            <p className="admin-empty">{t('noBalance')}</p>
          ) : (
            <ul data-testid="admin-wallet-balances">
              {balances.map((b) => (
                <li key={b.currency} data-currency={b.currency}>
                  {formatStoredMoney(b.amountMinor, b.currency, locale)}
                </li>
              ))}
            </ul>
          )}
          {can(staff.role, 'wallet:adjust') && (
            <>
              <h3>{t('adjustTitle')}</h3>
              <WalletAdjustForm locale={locale} userId={owner.id} currencies={SUPPORTED_CURRENCIES} formKey={randomUUID()} />
            </>
          )}
          <h3>{t('history')}</h3>
          {history.length === 0 ? (
            <p className="admin-empty">{t('noHistory')}</p>
          ) : (
            <div className="admin-table-wrap">
              <table className="admin-table" data-testid="admin-wallet-history">
                <thead>
                  <tr>
                    <th scope="col">{t('when')}</th>
                    <th scope="col">{t('kind')}</th>
                    <th scope="col" className="admin-num">
                      {t('amount')}
                    </th>
                    <th scope="col">{t('source')}</th>
                    <th scope="col">{t('note')}</th>
                    <th scope="col">{t('by')}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((entry) => (
                    <tr key={entry.id} data-kind={entry.kind}>
                      <td>
                        <AdminTime value={entry.createdAt} />
                      </td>
                      <td>{tw(entry.kind)}</td>
                      <td className="admin-num">{formatStoredMoney(entry.amountMinor, entry.currency, locale)}</td>
                      <td className="admin-mono" dir="ltr">
                        {entry.source}
                      </td>
                      <td dir="auto">{entry.note ?? ''}</td>
                      <td dir="ltr">{entry.actorLabel ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}
