import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AddressCardActions } from '@/components/account/address-card-actions';
import { AddressForm } from '@/components/account/address-form';
import { FormMessage } from '@/components/account/form-field';
import { listAddresses, MAX_ADDRESSES_PER_USER, type SavedAddress } from '@/lib/addresses/address-book';
import { countryOptions } from '@/lib/addresses/countries';
import { addressFormHints } from '@/lib/addresses/form-hints';
import { accountPaths } from '@/lib/auth/paths';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'addresses' });
  return { title: `${t('metaTitle')} | Ferry` };
}

function lines(a: SavedAddress, countryName: string): string {
  return [a.name, a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, countryName, a.phone].filter(Boolean).join('\n');
}

/** The address book: the list, and one form (`?edit=<id>` edits that address, otherwise a new one). */
export default async function AddressesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const user = await requireUserOrRedirect(locale, accountPaths.addresses(locale));
  const [{ edit }, t, tf, saved] = await Promise.all([
    searchParams,
    getTranslations({ locale, namespace: 'addresses' }),
    getTranslations({ locale, namespace: 'formErrors' }),
    listAddresses(getDb(), user.id),
  ]);
  const countries = countryOptions(locale);
  const countryName = new Map(countries.map((c) => [c.code, c.name]));
  const editing = typeof edit === 'string' ? saved.find((a) => String(a.id) === edit) : undefined;
  const isFull = saved.length >= MAX_ADDRESSES_PER_USER;
  const defaultCountry = saved.find((a) => a.isDefault)?.country;

  return (
    <>
      <h1>{t('title')}</h1>
      <p>
        <Link href={accountPaths.home(locale)}>{t('backToAccount')}</Link>
      </p>
      {saved.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="address-list" role="list">
          {saved.map((a) => (
            <li key={a.id} className="address-card" data-default={a.isDefault}>
              {a.isDefault && <span className="badge">{t('default')}</span>}
              <address dir="auto">{lines(a, countryName.get(a.country) ?? a.country)}</address>
              <div className="card-actions">
                <Link href={`${accountPaths.addresses(locale)}?edit=${a.id}#address-form`} aria-label={`${t('editLink')}: ${a.name}, ${a.line1}`}>
                  {t('editLink')}
                </Link>
                <AddressCardActions locale={locale} id={a.id} isDefault={a.isDefault} label={`${a.name}, ${a.line1}`} />
              </div>
            </li>
          ))}
        </ul>
      )}

      <section id="address-form" className="account-panel" aria-labelledby="address-form-title">
        <h2 id="address-form-title">{editing ? t('edit') : t('add')}</h2>
        {typeof edit === 'string' && !editing && <FormMessage kind="error">{tf('addressNotFound')}</FormMessage>}
        {!editing && isFull ? (
          <p className="notice">{t('full')}</p>
        ) : (
          <AddressForm
            key={editing?.id ?? 'new'}
            locale={locale}
            address={editing}
            defaultCountry={defaultCountry}
            countries={countries}
            hints={addressFormHints()}
          />
        )}
      </section>
    </>
  );
}
