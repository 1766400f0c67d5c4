'use client';

import { useTranslations } from 'next-intl';
import type { CountryFormHints } from '@/lib/addresses/form-hints';
import { Field, SelectField } from './form-field';

export type AddressFieldsProps = {
  country: string;
  onCountryChange(country: string): void;
  countries: { code: string; name: string }[];
  hints: { byCountry: Record<string, CountryFormHints>; fallback: CountryFormHints };
  value(field: string): string;
  error(field: string): string | undefined;
};

/**
 * The address fields, shaped by the chosen country (postal code required, optional or absent; region
 * a list or text; the phone format), shared by the address book and checkout.
 */
export function AddressFields({ country, onCountryChange, countries, hints, value, error }: AddressFieldsProps) {
  const t = useTranslations('addresses');
  const rule = hints.byCountry[country] ?? hints.fallback;
  const example = (text: string | undefined) => (text ? t('example', { example: text }) : undefined);
  const phoneHint = [t('phoneHint'), rule.isPhoneInternational ? t('phoneInternational') : example(rule.phoneExample)].filter(Boolean).join(' ');
  return (
    <>
      <Field name="name" label={t('name')} autoComplete="name" required maxLength={120} defaultValue={value('name')} error={error('name')} />
      <SelectField name="country" label={t('country')} autoComplete="country" required value={country} onChange={(e) => onCountryChange(e.target.value)} error={error('country')}>
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
    </>
  );
}
