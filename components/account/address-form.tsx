'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { saveAddressAction } from '@/app/[locale]/(account)/account/actions';
import type { SavedAddress } from '@/lib/addresses/address-book';
import { addressFields } from '@/lib/addresses/address-schema';
import type { CountryFormHints } from '@/lib/addresses/form-hints';
import { accountPaths } from '@/lib/auth/paths';
import { AddressFields } from './address-fields';
import { FormMessage } from './form-field';
import { fieldError, formMessage, typedValue } from './form-state';

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
  const [state, formAction, isPending] = useActionState(saveAddressAction, null);
  const formError = formMessage(state, addressFields);
  const [country, setCountry] = useState(address?.country ?? defaultCountry);

  const value = (field: keyof SavedAddress & string) => typedValue(state, field) ?? (address?.[field] as string | null | undefined) ?? '';
  const error = (field: string) => {
    const key = fieldError(state, field);
    return key ? (te.has(key) ? te(key) : tf('generic')) : undefined;
  };

  return (
    <form className="account-form address-form" action={formAction} noValidate>
      {formError && <FormMessage kind="error">{formError}</FormMessage>}
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
