import { z } from 'zod';
import { isCountryCode } from '@/lib/addresses/countries';
import { locales } from '@/lib/i18n/locales';
import { isShippingGood, volumetricDivisors, type ShippingGood, type VolumetricDivisor } from './goods';

/*
 * The admin's line form, validated: every message is a key under `admin.shippingLines.errors`, shown
 * beside its field. Prices are typed in yuan ("180.00") and stored in fen; percentages ("18.5") are
 * stored in basis points — both converted from the text, never through a float.
 */

const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');

const whole = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(1, 'required')
    .regex(/^-?\d{1,9}$/, 'wholeNumber')
    .transform(Number)
    .refine((n) => n >= min && n <= max, 'outOfRange');

const optionalWhole = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^(\d{1,9})?$/, 'wholeNumber')
    .transform((value) => (value === '' ? null : Number(value)))
    .refine((n) => n === null || (n >= min && n <= max), 'outOfRange');

/** Yuan with at most two decimals, up to a million yuan → fen. */
const yuan = z
  .string()
  .trim()
  .min(1, 'required')
  .regex(/^\d{1,7}(\.\d{1,2})?$/, 'money')
  .transform((value) => {
    const [whole = '0', fraction = ''] = value.split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  });

/** A percentage from 0 to 100 with at most two decimals → basis points. */
const percent = z
  .string()
  .trim()
  .min(1, 'required')
  .regex(/^\d{1,3}(\.\d{1,2})?$/, 'percent')
  .transform((value) => {
    const [whole = '0', fraction = ''] = value.split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  })
  .refine((bp) => bp <= 10_000, 'percent');

const checkbox = z.union([z.literal('on'), z.literal('1'), z.literal('true')]).optional().transform((value) => value !== undefined);

const countries = z
  .string()
  .max(2000, 'tooLong')
  .transform((value) => [...new Set(value.toUpperCase().split(/[\s,;]+/).filter(Boolean))])
  .superRefine((codes, ctx) => {
    if (codes.length === 0) ctx.addIssue({ code: 'custom', message: 'countriesRequired' });
    else if (!codes.every(isCountryCode)) ctx.addIssue({ code: 'custom', message: 'countriesUnknown' });
  });

const goods = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .refine((list) => list.every(isShippingGood), 'goods')
  .transform((list) => [...new Set(list)] as ShippingGood[]);

const divisor = z
  .string()
  .refine((value) => value === '' || (volumetricDivisors as readonly number[]).includes(Number(value)), 'divisor')
  .transform((value) => (value === '' ? null : (Number(value) as VolumetricDivisor)));

const localizedNames = Object.fromEntries(locales.map((locale) => [`name_${locale}`, z.string().trim().max(120, 'tooLong').optional()])) as Record<`name_${string}`, z.ZodOptional<z.ZodString>>;

const limits = { grams: 1_000_000, cm: 1_000, days: 365, sort: 100_000 } as const;

/** The fields every line has (the form without its code, which is fixed once the line exists). */
const lineFields = z.object({
  name: text(120),
  carrier: text(64),
  isActive: checkbox,
  isTaxIncluded: checkbox,
  countries,
  volumetricDivisor: divisor,
  firstWeightGrams: whole(1, limits.grams),
  firstPrice: yuan,
  continuedUnitGrams: whole(1, limits.grams),
  continuedPrice: yuan,
  fuelSurcharge: percent,
  minWeightGrams: whole(0, limits.grams),
  maxWeightGrams: whole(1, limits.grams),
  maxLongestSideCm: optionalWhole(1, limits.cm),
  maxLengthGirthCm: optionalWhole(1, limits.cm * 3),
  refusedGoods: goods,
  daysMin: whole(0, limits.days),
  daysMax: whole(0, limits.days),
  insuranceRate: percent,
  insuranceMin: yuan,
  sortOrder: whole(-limits.sort, limits.sort),
  ...localizedNames,
});

type LineFields = z.output<typeof lineFields>;

function crossChecks(line: LineFields, ctx: z.RefinementCtx) {
  if (line.maxWeightGrams < line.minWeightGrams) ctx.addIssue({ code: 'custom', path: ['maxWeightGrams'], message: 'maxBelowMin' });
  if (line.daysMax < line.daysMin) ctx.addIssue({ code: 'custom', path: ['daysMax'], message: 'daysOrder' });
}

/** The stored shape of a line's rules, from the form's fields. */
export type ShippingLineInput = {
  name: string;
  names: Record<string, string>;
  carrier: string;
  isActive: boolean;
  isTaxIncluded: boolean;
  countries: string[];
  volumetricDivisor: VolumetricDivisor | null;
  firstWeightGrams: number;
  firstPriceMinor: number;
  continuedUnitGrams: number;
  continuedPriceMinor: number;
  fuelSurchargeBp: number;
  minWeightGrams: number;
  maxWeightGrams: number;
  maxLongestSideCm: number | null;
  maxLengthGirthCm: number | null;
  refusedGoods: ShippingGood[];
  daysMin: number;
  daysMax: number;
  insuranceRateBp: number;
  insuranceMinMinor: number;
  sortOrder: number;
};

function toInput(line: LineFields): ShippingLineInput {
  const names: Record<string, string> = {};
  for (const locale of locales) {
    const name = (line as Record<string, unknown>)[`name_${locale}`];
    if (typeof name === 'string' && name) names[locale] = name;
  }
  return {
    name: line.name,
    names,
    carrier: line.carrier,
    isActive: line.isActive,
    isTaxIncluded: line.isTaxIncluded,
    countries: line.countries,
    volumetricDivisor: line.volumetricDivisor,
    firstWeightGrams: line.firstWeightGrams,
    firstPriceMinor: line.firstPrice,
    continuedUnitGrams: line.continuedUnitGrams,
    continuedPriceMinor: line.continuedPrice,
    fuelSurchargeBp: line.fuelSurcharge,
    minWeightGrams: line.minWeightGrams,
    maxWeightGrams: line.maxWeightGrams,
    maxLongestSideCm: line.maxLongestSideCm,
    maxLengthGirthCm: line.maxLengthGirthCm,
    refusedGoods: line.refusedGoods,
    daysMin: line.daysMin,
    daysMax: line.daysMax,
    insuranceRateBp: line.insuranceRate,
    insuranceMinMinor: line.insuranceMin,
    sortOrder: line.sortOrder,
  };
}

const localeField = z.enum(locales);

/** The create form: the line's fields plus its code (lower-case letters, digits and dashes). */
export const createLineInput = lineFields
  .extend({ locale: localeField, code: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'codeFormat') })
  .superRefine(crossChecks)
  .transform((line) => ({ locale: line.locale, code: line.code, line: toInput(line) }));

/** The edit form: the line's id and the version the form was drawn from (a save over a newer edit is refused). */
export const updateLineInput = lineFields
  .extend({ locale: localeField, id: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() })
  .superRefine(crossChecks)
  .transform((line) => ({ locale: line.locale, id: line.id, version: line.version, line: toInput(line) }));

export const lineActiveInput = z.object({
  locale: localeField,
  id: z.coerce.number().int().positive(),
  isActive: z.enum(['0', '1']).transform((value) => value === '1'),
});
