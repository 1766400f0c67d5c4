import { countryRules, defaultRule, type CountryRule } from './country-rules';
import type { Region } from './regions';

/** What an address form shows for a destination country (serializable: the rules hold RegExps and functions). */
export type CountryFormHints = {
  postal: 'none' | 'required' | 'optional';
  postalExample?: string;
  phoneExample?: string;
  /** No calling code is known for the country: the number must be typed with + and its code. */
  isPhoneInternational: boolean;
  isRegionRequired: boolean;
  regions?: Region[];
};

function hintsOf(rule: CountryRule): CountryFormHints {
  return {
    postal: rule.postal.kind === 'none' ? 'none' : rule.postal.isRequired ? 'required' : 'optional',
    postalExample: rule.postal.kind === 'code' ? rule.postal.example : undefined,
    phoneExample: rule.phone?.example,
    isPhoneInternational: rule.phone === null,
    isRegionRequired: rule.isRegionRequired,
    regions: rule.regions,
  };
}

/** Hints for every country with rules of its own, plus `default` for the rest. */
export function addressFormHints(): { byCountry: Record<string, CountryFormHints>; fallback: CountryFormHints } {
  return {
    byCountry: Object.fromEntries(Object.entries(countryRules).map(([code, rule]) => [code, hintsOf(rule)])),
    fallback: hintsOf(defaultRule),
  };
}
