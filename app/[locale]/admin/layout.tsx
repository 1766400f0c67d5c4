import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { ADMIN_TIME_ZONE } from '@/lib/admin/format';
import { adminPaths } from '@/lib/admin/paths';
import { accountPaths } from '@/lib/auth/paths';
import { can, isStaff, type Permission } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { openReconciliationAlerts } from '@/lib/finance/reconcile/open-alerts';
import { isLocale } from '@/lib/i18n/locales';
import './admin.css';

// Staff pages depend on the signed-in user: never prerendered, never indexed.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { robots: { index: false, follow: false, nocache: true } };

const sections: {
  key: 'orders' | 'codQueue' | 'purchasing' | 'warehouse' | 'inbound' | 'receiving' | 'returns' | 'parcels' | 'wallets' | 'sync' | 'images' | 'stock' | 'outbox' | 'deliveries' | 'partnerKeys' | 'settings' | 'reconciliation' | 'reports' | 'ledger' | 'shippingLines';
  permission: Permission;
  href: (locale: string) => string;
}[] = [
  { key: 'orders', permission: 'orders:read', href: adminPaths.orders },
  { key: 'codQueue', permission: 'orders:confirm_cod', href: adminPaths.codQueue },
  { key: 'purchasing', permission: 'orders:purchase', href: adminPaths.purchasing },
  { key: 'warehouse', permission: 'inbound:read', href: adminPaths.warehouse },
  { key: 'inbound', permission: 'inbound:read', href: (locale) => adminPaths.inbound(locale) },
  { key: 'receiving', permission: 'orders:warehouse', href: adminPaths.receiving },
  { key: 'returns', permission: 'orders:returns', href: adminPaths.returns },
  { key: 'parcels', permission: 'parcels:read', href: (locale) => adminPaths.parcels(locale) },
  { key: 'wallets', permission: 'wallet:read', href: (locale) => adminPaths.wallets(locale) },
  { key: 'sync', permission: 'catalog:sync', href: adminPaths.sync },
  { key: 'images', permission: 'catalog:sync', href: adminPaths.images },
  { key: 'stock', permission: 'stock:write', href: adminPaths.stock },
  { key: 'outbox', permission: 'outbox:read', href: adminPaths.outbox },
  { key: 'deliveries', permission: 'events:read', href: (locale) => adminPaths.events(locale) },
  { key: 'reconciliation', permission: 'payments:read', href: adminPaths.reconciliation },
  { key: 'reports', permission: 'payments:read', href: (locale) => adminPaths.reports(locale) },
  { key: 'ledger', permission: 'payments:read', href: (locale) => adminPaths.ledger(locale) },
  { key: 'shippingLines', permission: 'shipping:manage', href: adminPaths.shippingLines },
  { key: 'partnerKeys', permission: 'partner-keys:manage', href: adminPaths.partnerKeys },
  { key: 'settings', permission: 'settings:manage', href: adminPaths.settings },
];

/**
 * The admin's frame (TanStack Query's browser client comes from the locale layout's QueryProvider). It shows each staff member only the sections their role opens, but it is not
 * a guard: every page and every action checks its own permission (signed-out visitors and
 * shoppers get the bare frame while the page redirects or answers 404).
 */
export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [user, t, messages] = await Promise.all([getCurrentUser(), getTranslations({ locale, namespace: 'admin.nav' }), getMessages({ locale })]);
  const staff = user && isStaff(user.role) ? user : null;
  const items = staff ? sections.filter((s) => can(staff.role, s.permission)).map((s) => ({ href: s.href(locale), label: t(s.key) })) : [];
  // Finance and admins see a day over the 0.5% limit on every admin page until its differences are explained.
  const alerts =
    staff && can(staff.role, 'finance:reconcile')
      ? await openReconciliationAlerts(getDb()).catch((error: Error) => {
          console.error('[admin] reconciliation alerts unavailable:', error.message.split('\n')[0]);
          return [];
        })
      : [];
  const tr = alerts.length ? await getTranslations({ locale, namespace: 'admin.reconciliation' }) : null;

  return (
    <NextIntlClientProvider locale={locale} messages={{ admin: messages.admin }} timeZone={ADMIN_TIME_ZONE}>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <header className="admin-header">
        <div className="admin-header-row">
          <Link href={adminPaths.home(locale)} className="admin-brand">
            {t('brand')}
          </Link>
          {staff && <AdminNav items={items} label={t('label')} />}
          {staff && (
            <p className="admin-user small">
              <span dir="ltr">{staff.email}</span> · <Link href={accountPaths.home(locale)}>{t('account')}</Link>
            </p>
          )}
        </div>
      </header>
      <main id="main" className="admin-main">
        {tr && (
          <p className="admin-recon-banner" role="alert" data-testid="reconciliation-banner">
            {tr('banner', { count: alerts.length, days: alerts.map((a) => a.day).join(', ') })}{' '}
            <Link href={alerts.length === 1 ? adminPaths.reconciliationRun(locale, alerts[0]!.id) : adminPaths.reconciliation(locale)}>{tr('bannerLink')}</Link>
          </p>
        )}
        {children}
      </main>
    </NextIntlClientProvider>
  );
}
