import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ledgerKinds } from '@/db/schema/payments';
import { walletEntryKinds } from '@/db/schema/wallet';
import { adminPaths } from '@/lib/admin/paths';
import { ledgerGateways, ledgerSearchParams, ledgerStatuses, type LedgerView } from '@/lib/finance/ledger/filters';

type Props = {
  locale: string;
  view: LedgerView;
  /** What the form shows: the parsed filters, or what was typed when it was refused. */
  values: Record<string, string | undefined>;
  /** Per field, a key of `admin.ledgerSearch.errors`. */
  errors?: Record<string, string>;
};

/** The money movements search as a GET form: the URL is the search, so it can be shared or reloaded. */
export async function LedgerFilterForm({ locale, view, values, errors = {} }: Props) {
  const t = await getTranslations({ locale, namespace: 'admin' });
  const tw = await getTranslations({ locale, namespace: 'wallet.kind' });
  const invalid = (field: string) => (errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `ledger-error-${field}` } : {});
  const text = (field: string, label: string, options: { wide?: boolean; maxLength: number; type?: string; dir?: 'ltr' }) => (
    <label className={`admin-field${options.wide ? ' admin-field-wide' : ''}`}>
      <span>{label}</span>
      <input type={options.type ?? 'search'} name={field} defaultValue={values[field] ?? ''} maxLength={options.maxLength} dir={options.dir} {...invalid(field)} />
      {errors[field] && (
        <span className="admin-error-text small" id={`ledger-error-${field}`}>
          {t(`ledgerSearch.errors.${errors[field]}`)}
        </span>
      )}
    </label>
  );
  const select = (field: string, label: string, all: string, options: readonly { value: string; label: string }[]) => (
    <label className="admin-field">
      <span>{label}</span>
      <select name={field} defaultValue={values[field] ?? ''} {...invalid(field)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errors[field] && (
        <span className="admin-error-text small" id={`ledger-error-${field}`}>
          {t(`ledgerSearch.errors.${errors[field]}`)}
        </span>
      )}
    </label>
  );
  const kinds = view === 'payments' ? ledgerKinds.map((k) => ({ value: k, label: t(`ledger.kinds.${k}`) })) : walletEntryKinds.map((k) => ({ value: k, label: tw(k) }));

  return (
    <Form action={adminPaths.ledger(locale)} className="admin-filters" role="search" aria-label={t('ledgerSearch.filters')} data-testid="ledger-filters">
      <input type="hidden" name="view" value={view} />
      {text('order', t('ledgerSearch.order'), { maxLength: 40, dir: 'ltr' })}
      {text('email', t('ledgerSearch.email'), { wide: true, maxLength: 254, dir: 'ltr' })}
      {view === 'payments' ? text('tx', t('ledgerSearch.tx'), { wide: true, maxLength: 100, dir: 'ltr' }) : text('source', t('ledgerSearch.source'), { wide: true, maxLength: 120, dir: 'ltr' })}
      {select('kind', t('ledgerSearch.kind'), t('ledgerSearch.allKinds'), kinds)}
      {view === 'payments' && select('gateway', t('ledgerSearch.gateway'), t('ledgerSearch.allGateways'), ledgerGateways.map((g) => ({ value: g, label: t(`gateway.${g}`) })))}
      {view === 'payments' && select('status', t('ledgerSearch.status'), t('ledgerSearch.allStatuses'), ledgerStatuses.map((s) => ({ value: s, label: t(`ledger.${s}`) })))}
      {text('currency', t('ledgerSearch.currency'), { maxLength: 3, dir: 'ltr' })}
      {text('from', t('ledgerSearch.from'), { maxLength: 10, type: 'date' })}
      {text('to', t('ledgerSearch.to'), { maxLength: 10, type: 'date' })}
      <div className="admin-filter-buttons">
        <button type="submit" className="admin-button">
          {t('ledgerSearch.apply')}
        </button>
        <Link href={adminPaths.ledger(locale, ledgerSearchParams({ view, page: 1 }))}>{t('ledgerSearch.clear')}</Link>
      </div>
      <p className="admin-hint small">{t('ledgerSearch.hint')}</p>
    </Form>
  );
}
