'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { saveAddressAction } from '@/app/[locale]/(account)/account/actions';
import type { SavedAddress } from '@/lib/addresses/address-book';
import type { CountryFormHints } from '@/lib/addresses/form-hints';
import { accountPaths } from '@/lib/auth/paths';
import { Field, FormMessage, SelectField } from './form-field';
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
  const rule = hints.byCountry[country] ?? hints.fallback;

  const value = (field: keyof SavedAddress & string) => state.values?.[field] ?? (address?.[field] as string | null | undefined) ?? '';
  const error = (field: string) => {
    const key = state.fieldErrors?.[field];
    return key ? (te.has(key) ? te(key) : tf('generic')) : undefined;
  };
  const example = (text: string | undefined) => (text ? t('example', { example: text }) : undefined);
  const phoneHint = [t('phoneHint'), rule.isPhoneInternational ? t('phoneInternational') : example(rule.phoneExample)].filter(Boolean).join(' ');

  return (
    <form className="account-form address-form" action={formAction} noValidate>
      {state.formError && <FormMessage kind="error">{tf(state.formError)}</FormMessage>}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={address?.id ?? ''} />
      <Field name="name" label={t('name')} autoComplete="name" required maxLength={120} defaultValue={value('name')} error={error('name')} />
      <SelectField name="country" label={t('country')} autoComplete="country" required value={country} onChange={(e) => setCountry(e.target.value)} error={error('country')}>
        <option value="">{t('chooseRegion')}</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <Field name="line1" label={t('line1')} autoComplete="address-line1" required maxLength={200} hint={t('line1Hint')} defaultValue={value('line1')} error={error('line1')} />
      <Field name="line2" label={t('line2')} autoComplete="address-line2" maxLength={200} hint={t('line2Hint')} defaultValue={value('line2')} error={error('line2')} />
      <Field name="city" label={t('city')} autoComplete="address-level2" required maxLength={120} defaultValue={value('city')} error={error('city')} />
      {rule.regions ? (
        <SelectField key={`region-${country}`} name="region" label={t('region')} autoComplete="address-level1" required defaultValue={value('region')} error={error('region')}>
          <option value="">{t('chooseRegion')}</option>
          {rule.regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <Field
          key="region-text"
          name="region"
          label={rule.isRegionRequired ? t('region') : t('regionOptional')}
          autoComplete="address-level1"
          required={rule.isRegionRequired}
          maxLength={120}
          defaultValue={value('region')}
          error={error('region')}
        />
      )}
      {rule.postal !== 'none' && (
        <Field
          name="postalCode"
          label={rule.postal === 'required' ? t('postalCode') : t('postalCodeOptional')}
          autoComplete="postal-code"
          required={rule.postal === 'required'}
          maxLength={20}
          hint={example(rule.postalExample)}
          defaultValue={value('postalCode')}
          error={error('postalCode')}
        />
      )}
      <Field name="phone" type="tel" label={t('phone')} autoComplete="tel" required maxLength={32} hint={phoneHint} defaultValue={value('phone')} error={error('phone')} />
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
