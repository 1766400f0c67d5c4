import { z } from 'zod';
import { isCountryCode } from './countries';
import { normalisePhone, ruleFor } from './country-rules';
import { matchRegion } from './regions';

/**
 * Message keys an address issue can carry (namespace `addressErrors` in messages/account/*.json):
 * forms show `t(issue.message)` next to the field at `issue.path`.
 */
export const addressIssueKeys = [
  'required',
  'tooLong',
  'countryInvalid',
  'postalCodeRequired',
  'postalCodeInvalid',
  'regionRequired',
  'regionInvalid',
  'phoneInvalid',
  'phoneCountryMismatch',
  'phoneInternationalRequired',
] as const;
export type AddressIssueKey = (typeof addressIssueKeys)[number];

export const addressFields = ['name', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'phone'] as const;
export type AddressField = (typeof addressFields)[number];

/** Column widths of `addresses` (db/schema/accounts.ts). */
const maxLength: Record<AddressField, number> = { name: 120, line1: 200, line2: 200, city: 120, region: 120, postalCode: 20, country: 2, phone: 32 };

// Any string-ish input is accepted here and judged below, so that one parse reports every field at once.
const text = z
  .string({ error: 'required' })
  .nullish()
  .transform((value) => (value ?? '').replace(/\s+/g, ' ').trim());

export type ShippingAddress = {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  /** Canonical form for the country (`SW1A 1AA`, `100-0001`); null where the country has none. */
  postalCode: string | null;
  /** ISO 3166-1 alpha-2, uppercase. */
  country: string;
  /** E.164 with the destination country's calling code. */
  phone: string;
};

/**
 * A shipping address as entered in a form or sent to the API, checked against the destination
 * country's rules (country-rules.ts) and normalised: country uppercase, postal code canonical,
 * region as its code where the country has a list, phone in E.164.
 */
export const shippingAddressSchema = z
  .object({ name: text, line1: text, line2: text, city: text, region: text, postalCode: text, country: text, phone: text })
  .transform((input, ctx): ShippingAddress => {
    const issue = (field: AddressField, key: AddressIssueKey) => ctx.addIssue({ code: 'custom', path: [field], message: key, input: input[field] });
    for (const field of addressFields) {
      if (input[field].length > maxLength[field]) issue(field, 'tooLong');
    }
    for (const field of ['name', 'line1', 'city', 'phone'] as const) {
      if (!input[field]) issue(field, 'required');
    }

    const country = input.country.toUpperCase();
    if (!country) issue('country', 'required');
    else if (!isCountryCode(country)) issue('country', 'countryInvalid');
    const rule = ruleFor(country);

    let postalCode: string | null = null;
    const typedPostal = input.postalCode.normalize('NFKC').toUpperCase();
    if (rule.postal.kind === 'code') {
      if (typedPostal) {
        postalCode = rule.postal.parse(typedPostal);
        if (postalCode === null) issue('postalCode', 'postalCodeInvalid');
      } else if (rule.postal.isRequired) {
        issue('postalCode', 'postalCodeRequired');
      }
    }

    let region: string | null = input.region || null;
    if (region && rule.regions) {
      region = matchRegion(rule.regions, region) ?? null;
      if (!region) issue('region', 'regionInvalid');
    } else if (!region && rule.isRegionRequired) {
      issue('region', 'regionRequired');
    }

    let phone = '';
    if (input.phone) {
      const result = normalisePhone(input.phone, rule.phone);
      if (result.ok) phone = result.e164;
      else issue('phone', result.issue);
    }

    return { name: input.name, line1: input.line1, line2: input.line2 || null, city: input.city, region, postalCode, country, phone };
  });

export type ShippingAddressInput = z.input<typeof shippingAddressSchema>;

/** The first issue per field, as `{ field: messageKey }` for a form. */
export function addressFieldErrors(error: z.ZodError): Partial<Record<AddressField, AddressIssueKey>> {
  const out: Partial<Record<AddressField, AddressIssueKey>> = {};
  for (const issue of error.issues) {
    const field = issue.path.at(-1);
    if (typeof field === 'string' && (addressFields as readonly string[]).includes(field)) {
      const key = (addressIssueKeys as readonly string[]).includes(issue.message) ? (issue.message as AddressIssueKey) : 'required';
      out[field as AddressField] ??= key;
    }
  }
  return out;
}
