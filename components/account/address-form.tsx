'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { saveAddressAction } from '@/app/[locale]/(account)/account/actions';
import type { SavedAddress } from '@/lib/addresses/address-book';
import type { CountryFormHints } from '@/lib/addresses/form-hints';
import { accountPaths } from '@/lib/auth/paths';
import { AddressFields } from './address-fields';
import { FormMessage } from './form-field';
import { initialFormState } from './form-state';

type Props = {
  locale: string;
  /** Present when editing. */
  address?: SavedAddress;
  defaultCountry?: string;
  countries: { code: string; name: string }[];
  hints: { byCountry: Record<string, CountryFormHints>; fallback: CountryFormHints };
};

/**
 * Add or edit an address. The country is chosen first: it decides whether a postal code exists or is
 * required, whether the region is a list, and which phone format is expected. Errors from the
 * server (per-country rules) appear under their fields.
 */
export function AddressForm({ locale, address, defaultCountry = '', countries, hints }: Props) {
  const t = useTranslations('addresses');
  const te = useTranslations('addressErrors');
  const tf = useTranslations('formErrors');
  const [state, formAction, isPending] = useActionState(saveAddressAction, initialFormState);
  const [country, setCountry] = useState(address?.country ?? defaultCountry);

  const value = (field: keyof SavedAddress & string) => state.values?.[field] ?? (address?.[field] as string | null | undefined) ?? '';
  const error = (field: string) => {
    const key = state.fieldErrors?.[field];
    return key ? (te.has(key) ? te(key) : tf('generic')) : undefined;
  };

  return (
    <form className="account-form address-form" action={formAction} noValidate>
      {state.formError && <FormMessage kind="error">{tf(state.formError)}</FormMessage>}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={address?.id ?? ''} />
      <AddressFields country={country} onCountryChange={setCountry} countries={countries} hints={hints} value={value} error={error} />
      {!address?.isDefault && (
        <div className="check">
          <input id="field-makeDefault" type="checkbox" name="makeDefault" />
          <label htmlFor="field-makeDefault">{t('makeDefault')}</label>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isPending}>
          {isPending ? t('saving') : t('save')}
        </button>
        {address && <a href={accountPaths.addresses(locale)}>{t('cancel')}</a>}
      </div>
    </form>
  );
}
