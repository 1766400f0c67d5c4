import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatUtcDateTime } from '@/lib/admin/format';
import { adminPaths } from '@/lib/admin/paths';
import type { PaymentSearch } from '@/lib/finance/ledger/search-payments';
import type { WalletSearch } from '@/lib/finance/ledger/search-wallet';
import { formatStoredMoney } from '@/lib/money';
import { ledgerGateways } from '@/lib/finance/ledger/filters';

const isLedgerGateway = (value: string) => (ledgerGateways as readonly string[]).includes(value);

const UtcTime = ({ value }: { value: Date }) => (
  <time dateTime={value.toISOString()} dir="ltr" className="admin-nowrap">
    {formatUtcDateTime(value)}
  </time>
);

/** Payment ledger rows with their totals per currency; each row links to its order, or to the shopper's wallet for a top-up. */
export async function LedgerPaymentsTable({ locale, search }: { locale: string; search: PaymentSearch }) {
  const t = await getTranslations({ locale, namespace: 'admin' });
  const money = (minor: number, currency: string) => formatStoredMoney(minor, currency, locale);
  return (
    <>
      <div className="admin-table-wrap">
        <table className="admin-table" data-testid="ledger-totals">
          <caption className="small muted">{t('ledgerSearch.totalsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ledgerSearch.currency')}</th>
              <th scope="col" className="admin-num">{t('ledgerSearch.rows')}</th>
              <th scope="col" className="admin-num">{t('ledgerSearch.charges')}</th>
              <th scope="col" className="admin-num">{t('ledgerSearch.refunds')}</th>
              <th scope="col" className="admin-num">{t('ledgerSearch.failures')}</th>
              <th scope="col" className="admin-num">{t('ledgerSearch.codDue')}</th>
              <th scope="col" className="admin-num">{t('ledgerSearch.net')}</th>
            </tr>
          </thead>
          <tbody>
            {search.totals.map((row) => (
              <tr key={row.currency} data-currency={row.currency} data-net={row.byKind.charge - row.byKind.refund}>
                <th scope="row" className="admin-mono">{row.currency}</th>
                <td className="admin-num">{row.rows}</td>
                <td className="admin-num" data-kind="charge" data-minor={row.byKind.charge}>{money(row.byKind.charge, row.currency)}</td>
                <td className="admin-num" data-kind="refund" data-minor={row.byKind.refund}>{money(row.byKind.refund, row.currency)}</td>
                <td className="admin-num" data-kind="failure" data-minor={row.byKind.failure}>{money(row.byKind.failure, row.currency)}</td>
                <td className="admin-num" data-kind="cod_due" data-minor={row.byKind.cod_due}>{money(row.byKind.cod_due, row.currency)}</td>
                <td className="admin-num"><strong>{money(row.byKind.charge - row.byKind.refund, row.currency)}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="admin-table-wrap">
        <table className="admin-table" data-testid="ledger-rows">
          <thead>
            <tr>
              <th scope="col">{t('ledgerSearch.time')}</th>
              <th scope="col">{t('ledgerSearch.kind')}</th>
              <th scope="col" className="admin-num">{t('ledgerSearch.amount')}</th>
              <th scope="col">{t('ledgerSearch.status')}</th>
              <th scope="col">{t('ledgerSearch.transaction')}</th>
              <th scope="col">{t('ledgerSearch.orderOrWallet')}</th>
              <th scope="col">{t('ledgerSearch.shopper')}</th>
            </tr>
          </thead>
          <tbody>
            {search.rows.map((row) => (
              <tr key={row.id} data-ledger-id={row.id} data-kind={row.kind} data-status={row.status} data-order={row.orderNumber ?? ''}>
                <td><UtcTime value={row.createdAt} /></td>
                <td>{t(`ledger.kinds.${row.kind}`)}</td>
                <td className="admin-num">
                  {money(row.amountMinor, row.currency)}
                  {row.cnyMinor !== null && row.currency !== 'CNY' && (
                    <span className="admin-sub small muted" data-cny={row.cnyMinor}>
                      {money(row.cnyMinor, 'CNY')}
                    </span>
                  )}
                </td>
                <td>
                  {row.status === 'flagged' ? (
                    <span className="admin-flag">
                      ⚑ {t('ledger.flagged')}
                      {row.flagReason && <span className="admin-sub small" dir="ltr" data-testid="flag-reason">{row.flagReason}</span>}
                    </span>
                  ) : (
                    t('ledger.recorded')
                  )}
                </td>
                <td className="admin-mono admin-wrap" dir="ltr">
                  {isLedgerGateway(row.gateway) ? t(`gateway.${row.gateway}`) : row.gateway} · {row.transactionId}
                </td>
                <td>
                  {row.orderNumber ? (
                    <Link href={adminPaths.order(locale, row.orderNumber)} className="admin-mono" dir="ltr">{row.orderNumber}</Link>
                  ) : row.email ? (
                    <Link href={adminPaths.wallets(locale, row.email)}>{t('ledgerSearch.walletTopup')}</Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="admin-wrap" dir="ltr">{row.email ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Wallet entries with their totals per currency; the shopper links to the wallet, an order's number to the order. */
export async function LedgerWalletTable({ locale, search }: { locale: string; search: WalletSearch }) {
  const t = await getTranslations({ locale, namespace: 'admin' });
  const tw = await getTranslations({ locale, namespace: 'wallet.kind' });
  const money = (minor: number, currency: string) => formatStoredMoney(minor, currency, locale);
  return (
    <>
      <div className="admin-table-wrap">
        <table className="admin-table" data-testid="ledger-totals">
          <caption className="small muted">{t('ledgerSearch.totalsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ledgerSearch.currency')}</th>
              <th scope="col" className="admin-num">{t('ledgerSearch.rows')}</th>
              <th scope="col" className="admin-num">{t('ledgerSearch.credits')}</th>
              <th scope="col" className="admin-num">{t('ledgerSearch.debits')}</th>
              <th scope="col" className="admin-num">{t('ledgerSearch.walletNet')}</th>
            </tr>
          </thead>
          <tbody>
            {search.totals.map((row) => (
              <tr key={row.currency} data-currency={row.currency} data-net={row.netMinor}>
                <th scope="row" className="admin-mono">{row.currency}</th>
                <td className="admin-num">{row.rows}</td>
                <td className="admin-num">{money(row.creditsMinor, row.currency)}</td>
                <td className="admin-num">{money(row.debitsMinor, row.currency)}</td>
                <td className="admin-num"><strong>{money(row.netMinor, row.currency)}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="admin-table-wrap">
        <table className="admin-table" data-testid="ledger-rows">
          <thead>
            <tr>
              <th scope="col">{t('ledgerSearch.time')}</th>
              <th scope="col">{t('ledgerSearch.kind')}</th>
              <th scope="col">{t('ledgerSearch.shopper')}</th>
              <th scope="col" className="admin-num">{t('ledgerSearch.amount')}</th>
              <th scope="col">{t('ledgerSearch.source')}</th>
              <th scope="col">{t('ledgerSearch.note')}</th>
              <th scope="col">{t('ledgerSearch.actor')}</th>
            </tr>
          </thead>
          <tbody>
            {search.rows.map((row) => (
              <tr key={row.id} data-wallet-entry={row.id} data-kind={row.kind} data-order={row.isOrderNote ? row.note! : ''}>
                <td><UtcTime value={row.createdAt} /></td>
                <td>{tw(row.kind)}</td>
                <td className="admin-wrap" dir="ltr">
                  <Link href={adminPaths.wallets(locale, row.email)}>{row.email}</Link>
                </td>
                <td className="admin-num">{money(row.amountMinor, row.currency)}</td>
                <td className="admin-mono admin-wrap" dir="ltr">{row.source}</td>
                <td className="admin-wrap" dir="auto">
                  {row.isOrderNote ? (
                    <Link href={adminPaths.order(locale, row.note!)} className="admin-mono" dir="ltr">{row.note}</Link>
                  ) : (
                    (row.note ?? '')
                  )}
                </td>
                <td dir="auto">
                  {row.actorLabel ?? t(`actorTypes.${row.actorType}`)}
                  {row.actorLabel && <span className="admin-sub small muted">{t(`actorTypes.${row.actorType}`)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
