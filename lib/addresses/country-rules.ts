import { regionsByCountry, type Region } from './regions';

/**
 * What the post and the carriers need per destination country: the postal code's shape, whether a
 * state/province is printed, and how a local phone number becomes E.164. Countries not listed get
 * `defaultRule` (optional postal code, phone in international format).
 */
export type PostalRule =
  | { kind: 'none' }
  | { kind: 'code'; isRequired: boolean; example?: string; parse(value: string): string | null };

export type PhoneRule = {
  callingCode: string;
  /** Dialled before the area code inside the country and dropped in E.164 (0 in most of Europe, 8 in Russia, 1 in NANP). */
  trunkPrefix?: string;
  /** The national significant number (after the calling code), digits only. */
  nationalNumber: RegExp;
  example: string;
};

export type CountryRule = {
  postal: PostalRule;
  /** Null: no calling code known here, so the number must be typed in international format. */
  phone: PhoneRule | null;
  isRegionRequired: boolean;
  /** When set, the region must be one of these (code or name; stored as the code). */
  regions?: Region[];
};

/** Spaces and every dash a keyboard produces (hyphen, en/em dash, minus, full-width, katakana ー). */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\u30fc\uff0d]/g;

/** The postal code without spaces, hyphens or a Japanese 〒; `format` rebuilds the canonical form from the match. */
function postal(example: string, pattern: RegExp, format: (m: RegExpMatchArray) => string = (m) => m[0]): PostalRule {
  return {
    kind: 'code',
    isRequired: true,
    example,
    parse(value) {
      const match = value.replace(SEPARATORS, '').replace(/〒/g, '').match(pattern);
      return match ? format(match) : null;
    },
  };
}

const joined = (separator: string) => (m: RegExpMatchArray) => (m[2] ? `${m[1]}${separator}${m[2]}` : m[1]!);

const nanp = (example: string): PhoneRule => ({ callingCode: '1', trunkPrefix: '1', nationalNumber: /^[2-9]\d{2}[2-9]\d{6}$/, example });

export const countryRules: Record<string, CountryRule> = {
  US: { postal: postal('94105', /^(\d{5})(\d{4})?$/, joined('-')), phone: nanp('(415) 555-0132'), isRegionRequired: true, regions: regionsByCountry.US },
  CA: {
    postal: postal('K1A 0B1', /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])(\d[ABCEGHJ-NPRSTV-Z]\d)$/, joined(' ')),
    phone: nanp('(416) 555-0199'),
    isRegionRequired: true,
    regions: regionsByCountry.CA,
  },
  GB: {
    postal: postal('SW1A 1AA', /^(GIR|[A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/, joined(' ')),
    phone: { callingCode: '44', trunkPrefix: '0', nationalNumber: /^[1-9]\d{8,9}$/, example: '020 7946 0958' },
    isRegionRequired: false,
  },
  DE: {
    postal: postal('10115', /^(?!00)\d{5}$/),
    phone: { callingCode: '49', trunkPrefix: '0', nationalNumber: /^[1-9]\d{6,11}$/, example: '030 1234567' },
    isRegionRequired: false,
  },
  FR: {
    postal: postal('75008', /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/),
    phone: { callingCode: '33', trunkPrefix: '0', nationalNumber: /^[1-9]\d{8}$/, example: '01 23 45 67 89' },
    isRegionRequired: false,
  },
  ES: {
    postal: postal('28013', /^(?:0[1-9]|[1-4]\d|5[0-2])\d{3}$/),
    phone: { callingCode: '34', nationalNumber: /^[6-9]\d{8}$/, example: '612 34 56 78' },
    isRegionRequired: false,
  },
  IT: {
    postal: postal('00184', /^\d{5}$/),
    // Italian landlines keep their leading 0 in E.164 (+39 06 …): there is no trunk prefix.
    phone: { callingCode: '39', nationalNumber: /^(?:0\d{5,10}|3\d{8,9})$/, example: '06 1234 5678' },
    isRegionRequired: false,
  },
  NL: {
    postal: postal('1012 JS', /^([1-9]\d{3})((?!SA|SD|SS)[A-Z]{2})$/, joined(' ')),
    phone: { callingCode: '31', trunkPrefix: '0', nationalNumber: /^[1-9]\d{8}$/, example: '020 123 4567' },
    isRegionRequired: false,
  },
  JP: {
    postal: postal('100-0001', /^(\d{3})(\d{4})$/, joined('-')),
    phone: { callingCode: '81', trunkPrefix: '0', nationalNumber: /^[1-9]\d{8,9}$/, example: '090-1234-5678' },
    isRegionRequired: false,
  },
  KR: {
    postal: postal('04524', /^\d{5}$/),
    phone: { callingCode: '82', trunkPrefix: '0', nationalNumber: /^[1-9]\d{7,9}$/, example: '010-1234-5678' },
    isRegionRequired: false,
  },
  CN: {
    postal: postal('100000', /^\d{6}$/),
    // Mobiles are 1[3-9] + 9 digits; Beijing's area code is 10 (010-xxxxxxxx).
    phone: { callingCode: '86', trunkPrefix: '0', nationalNumber: /^(?:1[3-9]\d{9}|10\d{8}|[2-9]\d{8,10})$/, example: '138 0013 8000' },
    isRegionRequired: false,
  },
  RU: {
    postal: postal('101000', /^[1-6]\d{5}$/),
    phone: { callingCode: '7', trunkPrefix: '8', nationalNumber: /^[3489]\d{9}$/, example: '8 (912) 345-67-89' },
    isRegionRequired: false,
  },
  BR: {
    postal: postal('01310-100', /^(\d{5})(\d{3})$/, joined('-')),
    // Two-digit area code, then 9 + 8 digits (mobile) or 8 digits starting 2–5 (landline).
    phone: { callingCode: '55', trunkPrefix: '0', nationalNumber: /^[1-9]{2}(?:9\d{8}|[2-5]\d{7})$/, example: '(11) 91234-5678' },
    isRegionRequired: true,
    regions: regionsByCountry.BR,
  },
  PT: {
    postal: postal('1100-148', /^([1-9]\d{3})(\d{3})$/, joined('-')),
    phone: { callingCode: '351', nationalNumber: /^[29]\d{8}$/, example: '912 345 678' },
    isRegionRequired: false,
  },
  AU: {
    postal: postal('2000', /^\d{4}$/),
    phone: { callingCode: '61', trunkPrefix: '0', nationalNumber: /^[2-478]\d{8}$/, example: '0412 345 678' },
    isRegionRequired: true,
    regions: regionsByCountry.AU,
  },
  // The Emirates have no postal codes: whatever is typed is dropped.
  AE: {
    postal: { kind: 'none' },
    phone: { callingCode: '971', trunkPrefix: '0', nationalNumber: /^(?:5\d{8}|[2-46-9]\d{7})$/, example: '050 123 4567' },
    isRegionRequired: false,
  },
  SA: {
    postal: postal('12211', /^(\d{5})(\d{4})?$/, joined('-')),
    phone: { callingCode: '966', trunkPrefix: '0', nationalNumber: /^(?:5\d{8}|1[1-7]\d{7})$/, example: '050 123 4567' },
    isRegionRequired: false,
  },
  MX: {
    postal: postal('06600', /^\d{5}$/),
    // Since 2019 every Mexican number is 10 digits, dialled without a trunk prefix.
    phone: { callingCode: '52', nationalNumber: /^[1-9]\d{9}$/, example: '55 1234 5678' },
    isRegionRequired: true,
  },
};

export const defaultRule: CountryRule = {
  postal: {
    kind: 'code',
    isRequired: false,
    parse: (value) => (/^[A-Z0-9][A-Z0-9 -]{1,11}$/.test(value) && /\d|[A-Z]{2}/.test(value) ? value : null),
  },
  phone: null,
  isRegionRequired: false,
};

export function ruleFor(country: string): CountryRule {
  return Object.hasOwn(countryRules, country) ? countryRules[country]! : defaultRule;
}

export type PhoneIssue = 'phoneInvalid' | 'phoneCountryMismatch' | 'phoneInternationalRequired';

/**
 * A phone number as typed (local `030 1234567`, international `+49 30 1234567` or `0049…`,
 * with spaces, dots, dashes, slashes or brackets) → E.164, or the reason it is not one.
 */
export function normalisePhone(raw: string, rule: PhoneRule | null): { ok: true; e164: string } | { ok: false; issue: PhoneIssue } {
  const text = raw.normalize('NFKC').replace(/\(0\)/g, '').replace(SEPARATORS, '').replace(/[.()/]/g, '');
  if (!/^(?:\+|00)?\d+$/.test(text)) return { ok: false, issue: 'phoneInvalid' };
  const isInternational = text.startsWith('+') || text.startsWith('00');
  const digits = text.replace(/^(?:\+|00)/, '');

  if (!rule) {
    if (!isInternational) return { ok: false, issue: 'phoneInternationalRequired' };
    return /^[1-9]\d{6,14}$/.test(digits) ? { ok: true, e164: `+${digits}` } : { ok: false, issue: 'phoneInvalid' };
  }

  let national = digits;
  if (isInternational) {
    if (!digits.startsWith(rule.callingCode)) return { ok: false, issue: 'phoneCountryMismatch' };
    national = digits.slice(rule.callingCode.length);
  }
  // Try without the trunk prefix first (`030…` → `30…`), then as typed (`800…` in Russia is a number, not 8 + 00…).
  const candidates = rule.trunkPrefix && national.startsWith(rule.trunkPrefix) ? [national.slice(rule.trunkPrefix.length), national] : [national];
  const match = candidates.find((n) => rule.nationalNumber.test(n) && rule.callingCode.length + n.length <= 15);
  return match ? { ok: true, e164: `+${rule.callingCode}${match}` } : { ok: false, issue: 'phoneInvalid' };
}
