import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LedgerFilterForm } from '@/components/admin/ledger-filter-form';
import { LedgerPaymentsTable, LedgerWalletTable } from '@/components/admin/ledger-tables';
import { Pagination } from '@/components/shop/pagination';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { LEDGER_MAX_PAGES, LEDGER_PAGE_SIZE, ledgerSearchParams, ledgerViews, switchLedgerView, type LedgerFilters } from '@/lib/finance/ledger/filters';
import { parseLedgerQuery } from '@/lib/finance/ledger/parse-filters';
import { searchPayments } from '@/lib/finance/ledger/search-payments';
import { searchWallet } from '@/lib/finance/ledger/search-wallet';
import { isLocale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('ledgerSearch.title')} · ${t('nav.brand')}` };
}

/**
 * Every money movement in one place for finance: payment_ledger rows (charges, refunds, failed
 * payments, cash due on delivery) and wallet entries, searched by order, shopper, transaction or
 * source, kind, gateway, status, currency and UTC days, newest first, with the filtered rows'
 * totals per currency. `payments:read` (finance and admins); the wallet view also `wallet:read`.
 */
export default async function LedgerSearchPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const parsed = parseLedgerQuery(await searchParams);
  const view = parsed.ok ? parsed.filters.view : parsed.view;
  const here = adminPaths.ledger(locale, parsed.ok ? ledgerSearchParams(parsed.filters) : ledgerSearchParams({ view, page: 1 }));
  await requireStaffPage(locale, 'payments:read', here);
  if (view === 'wallet') await requireStaffPage(locale, 'wallet:read', here);
  const t = await getTranslations({ locale, namespace: 'admin' });
  const shared: LedgerFilters = parsed.ok ? parsed.filters : { view, page: 1 };

  const tabs = (
    <nav className="admin-tabs" aria-label={t('ledgerSearch.viewsLabel')}>
      <ul>
        {ledgerViews.map((v) => (
          <li key={v}>
            <Link href={adminPaths.ledger(locale, ledgerSearchParams(switchLedgerView(shared, v)))} aria-current={v === view ? 'page' : undefined} data-testid={`ledger-view-${v}`}>
              {t(v === 'payments' ? 'ledgerSearch.viewPayments' : 'ledgerSearch.viewWallet')}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
  const heading = (
    <>
      <h1>{t('ledgerSearch.title')}</h1>
      <p className="muted small">{t('ledgerSearch.intro')}</p>
      {tabs}
    </>
  );

  if (!parsed.ok) {
    return (
      <>
        {heading}
        <p className="admin-error" role="alert" data-testid="ledger-invalid">
          {t('ledgerSearch.invalid')}
        </p>
        <LedgerFilterForm locale={locale} view={view} values={parsed.values} errors={parsed.errors} />
      </>
    );
  }

  const filters = parsed.filters;
  const db = getDb();
  const found = view === 'payments' ? { view: 'payments' as const, ...(await searchPayments(db, filters)) } : { view: 'wallet' as const, ...(await searchWallet(db, filters)) };
  const pages = Math.min(LEDGER_MAX_PAGES, Math.max(1, Math.ceil(found.total / LEDGER_PAGE_SIZE)));
  const values = Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, String(v)]));

  return (
    <>
      {heading}
      <LedgerFilterForm locale={locale} view={view} values={values} />
      <h2 data-testid="ledger-count" data-count={found.total}>
        {t('ledgerSearch.count', { count: found.total })}
      </h2>
      {found.total > LEDGER_MAX_PAGES * LEDGER_PAGE_SIZE && (
        <p className="admin-notice" role="status">
          {t('ledgerSearch.capped', { shown: LEDGER_MAX_PAGES * LEDGER_PAGE_SIZE, count: found.total })}
        </p>
      )}
      {found.total === 0 ? (
        <p className="admin-empty">{t('ledgerSearch.empty')}</p>
      ) : found.view === 'payments' ? (
        <LedgerPaymentsTable locale={locale} search={found} />
      ) : (
        <LedgerWalletTable locale={locale} search={found} />
      )}
      <Pagination
        page={filters.page}
        pages={pages}
        hrefFor={(p) => adminPaths.ledger(locale, ledgerSearchParams(filters, { page: p }))}
        labels={{ nav: t('pagination.label'), previous: t('pagination.previous'), next: t('pagination.next'), pageOf: t('pagination.pageOf', { page: filters.page, pages }) }}
      />
    </>
  );
}
