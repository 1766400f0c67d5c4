import { describe, expect, it } from 'vitest';
import { countryOptions, isCountryCode, unshippable } from './countries';

describe('destination countries', () => {
  it('offers no place a parcel cannot be delivered to, in any language', () => {
    for (const locale of ['en', 'ar', 'zh-CN']) {
      const codes = countryOptions(locale).map((c) => c.code);
      for (const code of unshippable) expect(codes).not.toContain(code);
      expect(codes).toEqual(expect.arrayContaining(['US', 'DE', 'AE', 'JP', 'BR', 'SE', 'NZ']));
    }
    expect(countryOptions('en').map((c) => c.name)).not.toEqual(expect.arrayContaining(['Antarctica', 'North Korea']));
  });

  it('refuses the unshippable codes as addresses too', () => {
    expect(unshippable.filter(isCountryCode)).toEqual([]);
    expect(isCountryCode('GB')).toBe(true);
  });
});
