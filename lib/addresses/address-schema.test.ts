import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addressFieldErrors, shippingAddressSchema, type ShippingAddressInput } from './address-schema';
import { countryRules } from './country-rules';

const base = { name: 'Alex Doe', line1: 'Main Street 1', city: 'Somewhere' };

function parse(input: Partial<ShippingAddressInput>) {
  return shippingAddressSchema.safeParse({ ...base, ...input });
}

function errors(input: Partial<ShippingAddressInput>) {
  const result = parse(input);
  if (result.success) throw new Error(`expected issues, got ${JSON.stringify(result.data)}`);
  return addressFieldErrors(result.error);
}

// Real-looking addresses per country: what a shopper types → what Ferry stores.
const valid: Array<[string, Partial<ShippingAddressInput>, { postalCode: string | null; phone: string; region?: string | null }]> = [
  ['US', { line1: '1600 Amphitheatre Pkwy', city: 'Mountain View', region: 'ca', postalCode: '94043', phone: '(650) 253-0000' }, { postalCode: '94043', phone: '+16502530000', region: 'CA' }],
  ['US', { region: 'New York', postalCode: '10001 1234', phone: '+1 212-555-0123' }, { postalCode: '10001-1234', phone: '+12125550123', region: 'NY' }],
  ['US', { region: 'TX', postalCode: '73301', phone: '1 512 555 0199' }, { postalCode: '73301', phone: '+15125550199', region: 'TX' }],
  ['CA', { city: 'Ottawa', region: 'Ontario', postalCode: 'k1a0b1', phone: '613-555-0142' }, { postalCode: 'K1A 0B1', phone: '+16135550142', region: 'ON' }],
  ['CA', { city: 'Montréal', region: 'quebec', postalCode: 'H2X 1Y4', phone: '+1 (514) 555-0177' }, { postalCode: 'H2X 1Y4', phone: '+15145550177', region: 'QC' }],
  ['GB', { city: 'London', postalCode: 'sw1a1aa', phone: '020 7946 0958' }, { postalCode: 'SW1A 1AA', phone: '+442079460958' }],
  ['GB', { city: 'Manchester', postalCode: 'M1 1AE', phone: '+44 (0)7700 900123' }, { postalCode: 'M1 1AE', phone: '+447700900123' }],
  ['DE', { city: 'Berlin', postalCode: '10115', phone: '030 1234567' }, { postalCode: '10115', phone: '+49301234567' }],
  ['DE', { city: 'München', postalCode: '80331', phone: '0151/12345678' }, { postalCode: '80331', phone: '+4915112345678' }],
  ['DE', { city: 'Hamburg', postalCode: '20095', phone: '0049 40 123456789' }, { postalCode: '20095', phone: '+4940123456789' }],
  ['FR', { city: 'Paris', postalCode: '75008', phone: '01 23 45 67 89' }, { postalCode: '75008', phone: '+33123456789' }],
  ['FR', { city: 'Lyon', postalCode: '69002', phone: '+33 6 12 34 56 78' }, { postalCode: '69002', phone: '+33612345678' }],
  ['ES', { city: 'Madrid', postalCode: '28013', phone: '612 34 56 78' }, { postalCode: '28013', phone: '+34612345678' }],
  ['ES', { city: 'Barcelona', postalCode: '08001', phone: '+34 932 123 456' }, { postalCode: '08001', phone: '+34932123456' }],
  ['IT', { city: 'Roma', postalCode: '00184', phone: '06 1234 5678' }, { postalCode: '00184', phone: '+390612345678' }],
  ['IT', { city: 'Milano', postalCode: '20121', phone: '+39 347 123 4567' }, { postalCode: '20121', phone: '+393471234567' }],
  ['NL', { city: 'Amsterdam', postalCode: '1012js', phone: '020 123 4567' }, { postalCode: '1012 JS', phone: '+31201234567' }],
  ['NL', { city: 'Rotterdam', postalCode: '3011 AD', phone: '06-12345678' }, { postalCode: '3011 AD', phone: '+31612345678' }],
  ['JP', { city: '千代田区', postalCode: '100-0001', phone: '03-1234-5678' }, { postalCode: '100-0001', phone: '+81312345678' }],
  ['JP', { city: '大阪市', postalCode: '〒５３０−０００１', phone: '０９０-１２３４-５６７８' }, { postalCode: '530-0001', phone: '+819012345678' }],
  ['KR', { city: '서울', postalCode: '04524', phone: '010-1234-5678' }, { postalCode: '04524', phone: '+821012345678' }],
  ['KR', { city: '서울', postalCode: '06236', phone: '02-123-4567' }, { postalCode: '06236', phone: '+8221234567' }],
  ['CN', { city: '北京市', postalCode: '100000', phone: '138 0013 8000' }, { postalCode: '100000', phone: '+8613800138000' }],
  ['CN', { city: '北京市', postalCode: '100020', phone: '010-12345678' }, { postalCode: '100020', phone: '+861012345678' }],
  ['CN', { city: '杭州市', postalCode: '310000', phone: '0571-8765 4321' }, { postalCode: '310000', phone: '+8657187654321' }],
  ['RU', { city: 'Москва', postalCode: '101000', phone: '8 (912) 345-67-89' }, { postalCode: '101000', phone: '+79123456789' }],
  ['RU', { city: 'Санкт-Петербург', postalCode: '190000', phone: '+7 812 123-45-67' }, { postalCode: '190000', phone: '+78121234567' }],
  ['RU', { city: 'Москва', postalCode: '101000', phone: '8 800 555-35-35' }, { postalCode: '101000', phone: '+78005553535' }],
  ['BR', { city: 'São Paulo', region: 'SP', postalCode: '01310100', phone: '(11) 91234-5678' }, { postalCode: '01310-100', phone: '+5511912345678', region: 'SP' }],
  ['BR', { city: 'Rio de Janeiro', region: 'rio de janeiro', postalCode: '20040-020', phone: '+55 21 2345-6789' }, { postalCode: '20040-020', phone: '+552123456789', region: 'RJ' }],
  ['PT', { city: 'Lisboa', postalCode: '1100-148', phone: '912 345 678' }, { postalCode: '1100-148', phone: '+351912345678' }],
  ['PT', { city: 'Porto', postalCode: '4000 322', phone: '+351 22 123 4567' }, { postalCode: '4000-322', phone: '+351221234567' }],
  ['AU', { city: 'Sydney', region: 'NSW', postalCode: '2000', phone: '0412 345 678' }, { postalCode: '2000', phone: '+61412345678', region: 'NSW' }],
  ['AU', { city: 'Melbourne', region: 'Victoria', postalCode: '3000', phone: '(03) 9123 4567' }, { postalCode: '3000', phone: '+61391234567', region: 'VIC' }],
  ['AE', { city: 'Dubai', phone: '050 123 4567' }, { postalCode: null, phone: '+971501234567' }],
  ['AE', { city: 'Dubai', postalCode: '00000', phone: '04 123 4567' }, { postalCode: null, phone: '+97141234567' }],
  ['SA', { city: 'الرياض', postalCode: '12211', phone: '050 123 4567' }, { postalCode: '12211', phone: '+966501234567' }],
  ['SA', { city: 'جدة', postalCode: '21589-3456', phone: '+966 12 345 6789' }, { postalCode: '21589-3456', phone: '+966123456789' }],
  ['MX', { city: 'Ciudad de México', region: 'CDMX', postalCode: '06600', phone: '55 1234 5678' }, { postalCode: '06600', phone: '+525512345678', region: 'CDMX' }],
  ['MX', { city: 'Guadalajara', region: 'Jalisco', postalCode: '44100', phone: '+52 33 1234 5678' }, { postalCode: '44100', phone: '+523312345678', region: 'Jalisco' }],
  // Not in the table: generic rule (optional postal code, international phone).
  ['SE', { city: 'Stockholm', postalCode: '111 22', phone: '+46 8 123 456 78' }, { postalCode: '111 22', phone: '+46812345678' }],
  ['NZ', { city: 'Auckland', phone: '+64 9 123 4567' }, { postalCode: null, phone: '+6491234567' }],
];

describe('shippingAddressSchema: valid addresses per country', () => {
  it.each(valid)('%s %j', (country, input, expected) => {
    const result = parse({ ...input, country });
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(result.data).toMatchObject({ country, postalCode: expected.postalCode, phone: expected.phone });
    if (expected.region !== undefined) expect(result.data?.region).toBe(expected.region);
  });

  it('covers every country in the rules table', () => {
    expect(new Set(valid.map(([c]) => c))).toEqual(new Set([...Object.keys(countryRules), 'SE', 'NZ']));
  });

  it('trims, collapses spaces, uppercases the country and turns empty optionals into null', () => {
    const result = shippingAddressSchema.parse({
      name: '  Marie   Curie ',
      line1: ' 12 rue  de la Paix',
      line2: '   ',
      city: 'Paris',
      region: '',
      postalCode: ' 75002 ',
      country: 'fr',
      phone: '06 12 34 56 78',
    });
    expect(result).toEqual({ name: 'Marie Curie', line1: '12 rue de la Paix', line2: null, city: 'Paris', region: null, postalCode: '75002', country: 'FR', phone: '+33612345678' });
  });
});

const invalid: Array<[string, Partial<ShippingAddressInput>, Record<string, string>]> = [
  ['US', { region: 'CA', postalCode: '9404', phone: '650 253 0000' }, { postalCode: 'postalCodeInvalid' }],
  ['US', { postalCode: '94043', phone: '650 253 0000' }, { region: 'regionRequired' }],
  ['US', { region: 'Bavaria', postalCode: '94043', phone: '650 253 0000' }, { region: 'regionInvalid' }],
  ['US', { region: 'CA', postalCode: '94043', phone: '650 253 000' }, { phone: 'phoneInvalid' }],
  ['US', { region: 'CA', postalCode: '94043', phone: '050 253 0000' }, { phone: 'phoneInvalid' }],
  ['US', { region: 'CA', phone: '+44 20 7946 0958' }, { postalCode: 'postalCodeRequired', phone: 'phoneCountryMismatch' }],
  ['CA', { region: 'ON', postalCode: 'D1A 0B1', phone: '613-555-0142' }, { postalCode: 'postalCodeInvalid' }],
  ['GB', { postalCode: 'SW1A', phone: '020 7946 0958' }, { postalCode: 'postalCodeInvalid' }],
  ['GB', { postalCode: 'SW1A 1AA', phone: '020 7946 09' }, { phone: 'phoneInvalid' }],
  ['DE', { postalCode: '1011', phone: '030 1234567' }, { postalCode: 'postalCodeInvalid' }],
  ['DE', { postalCode: '10115', phone: '030 12' }, { phone: 'phoneInvalid' }],
  ['DE', { postalCode: '10115', phone: '030 1234567890123' }, { phone: 'phoneInvalid' }],
  ['DE', { postalCode: '10115', phone: '030-CALL-NOW' }, { phone: 'phoneInvalid' }],
  ['FR', { postalCode: '99000', phone: '01 23 45 67 89' }, { postalCode: 'postalCodeInvalid' }],
  ['FR', { postalCode: '75008', phone: '01 23 45 67' }, { phone: 'phoneInvalid' }],
  ['ES', { postalCode: '53001', phone: '612 34 56 78' }, { postalCode: 'postalCodeInvalid' }],
  ['ES', { postalCode: '28013', phone: '512 34 56 78' }, { phone: 'phoneInvalid' }],
  ['IT', { postalCode: '0018', phone: '06 1234 5678' }, { postalCode: 'postalCodeInvalid' }],
  ['NL', { postalCode: '0123 AB', phone: '020 123 4567' }, { postalCode: 'postalCodeInvalid' }],
  ['NL', { postalCode: '1012 SS', phone: '020 123 45678' }, { postalCode: 'postalCodeInvalid', phone: 'phoneInvalid' }],
  ['JP', { postalCode: '100-001', phone: '090-1234-5678' }, { postalCode: 'postalCodeInvalid' }],
  ['JP', { postalCode: '100-0001', phone: '090-1234-56789' }, { phone: 'phoneInvalid' }],
  ['KR', { postalCode: '110-011', phone: '010-1234-5678' }, { postalCode: 'postalCodeInvalid' }],
  ['CN', { postalCode: '10000', phone: '138 0013 8000' }, { postalCode: 'postalCodeInvalid' }],
  ['CN', { postalCode: '100000', phone: '128 0013 8000' }, { phone: 'phoneInvalid' }],
  ['RU', { postalCode: '901000', phone: '8 (912) 345-67-89' }, { postalCode: 'postalCodeInvalid' }],
  ['RU', { postalCode: '101000', phone: '8 (912) 345-67' }, { phone: 'phoneInvalid' }],
  ['BR', { region: 'SP', postalCode: '0131010', phone: '(11) 91234-5678' }, { postalCode: 'postalCodeInvalid' }],
  ['BR', { postalCode: '01310-100', phone: '(11) 81234-5678' }, { region: 'regionRequired', phone: 'phoneInvalid' }],
  ['PT', { postalCode: '0100-148', phone: '912 345 678' }, { postalCode: 'postalCodeInvalid' }],
  ['PT', { postalCode: '1100-148', phone: '812 345 678' }, { phone: 'phoneInvalid' }],
  ['AU', { region: 'NSW', postalCode: '200', phone: '0412 345 678' }, { postalCode: 'postalCodeInvalid' }],
  ['AU', { region: 'Auckland', postalCode: '2000', phone: '0412 345 67' }, { region: 'regionInvalid', phone: 'phoneInvalid' }],
  ['AE', { phone: '050 123 456' }, { phone: 'phoneInvalid' }],
  ['AE', { phone: '+966 50 123 4567' }, { phone: 'phoneCountryMismatch' }],
  ['SA', { postalCode: '1221', phone: '050 123 4567' }, { postalCode: 'postalCodeInvalid' }],
  ['SA', { postalCode: '12211', phone: '070 123 4567' }, { phone: 'phoneInvalid' }],
  ['MX', { postalCode: '06600', phone: '55 1234 5678' }, { region: 'regionRequired' }],
  ['MX', { region: 'CDMX', postalCode: '6600', phone: '55 1234 567' }, { postalCode: 'postalCodeInvalid', phone: 'phoneInvalid' }],
  ['SE', { phone: '08 123 456 78' }, { phone: 'phoneInternationalRequired' }],
  ['SE', { postalCode: '#!', phone: '+46 8' }, { postalCode: 'postalCodeInvalid', phone: 'phoneInvalid' }],
  ['XX', { phone: '+46 8 123 456 78' }, { country: 'countryInvalid' }],
  // No post or courier delivers there.
  ['AQ', { phone: '+46 8 123 456 78' }, { country: 'countryInvalid' }],
  ['KP', { phone: '+850 2 123 4567' }, { country: 'countryInvalid' }],
  ['', { phone: '+46 8 123 456 78' }, { country: 'required' }],
];

describe('shippingAddressSchema: invalid addresses carry a path and a message key', () => {
  it.each(invalid)('%s %j', (country, input, expected) => {
    expect(errors({ ...input, country })).toEqual(expected);
  });

  it('reports every missing field at once', () => {
    expect(addressFieldErrors(shippingAddressSchema.safeParse({}).error!)).toEqual({
      name: 'required',
      line1: 'required',
      city: 'required',
      phone: 'required',
      country: 'required',
    });
  });

  it('rejects text longer than its column', () => {
    expect(errors({ country: 'DE', postalCode: '10115', phone: '030 1234567', name: 'x'.repeat(121), line2: 'y'.repeat(201) })).toEqual({
      name: 'tooLong',
      line2: 'tooLong',
    });
  });

  it('prefixes paths when nested in a larger schema (the open API order body)', () => {
    const order = z.object({ shippingAddress: shippingAddressSchema });
    const result = order.safeParse({ shippingAddress: { ...base, country: 'DE', phone: '12' } });
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['shippingAddress', 'postalCode'], 'postalCodeRequired'],
      [['shippingAddress', 'phone'], 'phoneInvalid'],
    ]);
    expect(addressFieldErrors(result.error!)).toEqual({ postalCode: 'postalCodeRequired', phone: 'phoneInvalid' });
  });
});
