import { describe, expect, it } from 'vitest';
import { demoShippingLines } from '@/lib/demo/shipping-lines';
import { createLineInput, updateLineInput } from './line-input';
import { basisPointsToText, fenToYuan, lineFormValues } from './line-form-values';
import type { ShippingLineRule } from './types';

const rule: ShippingLineRule = {
  id: 3,
  code: 'economy-air',
  name: 'Economy Air',
  names: { 'zh-CN': '经济空运', ja: 'エコノミー航空便' },
  carrier: 'China Post',
  isActive: true,
  isTaxIncluded: false,
  countries: ['US', 'DE', 'JP'],
  volumetricDivisor: 8000,
  firstWeightGrams: 500,
  firstPriceCny: 7_500,
  continuedUnitGrams: 500,
  continuedPriceCny: 2_805,
  fuelSurchargeBp: 1_250,
  minWeightGrams: 0,
  maxWeightGrams: 20_000,
  maxLongestSideCm: 105,
  maxLengthGirthCm: null,
  refusedGoods: ['battery', 'brand'],
  daysMin: 12,
  daysMax: 25,
  insuranceRateBp: 7,
  insuranceMinCny: 500,
  sortOrder: 30,
};

/** The form as a browser would send it: text fields, checked boxes as "on", repeated goods. */
function formOf(line: ShippingLineRule, extra: Record<string, string> = {}) {
  const { values, refusedGoods, isActive, isTaxIncluded } = lineFormValues(line);
  return { ...values, locale: 'zh-CN', refusedGoods, ...(isActive ? { isActive: 'on' } : {}), ...(isTaxIncluded ? { isTaxIncluded: 'on' } : {}), ...extra };
}

describe('the line form', () => {
  it('shows stored amounts as typed text and reads them back to the same fen and basis points', () => {
    expect([7_500, 2_805, 5, 0, 100].map(fenToYuan)).toEqual(['75.00', '28.05', '0.05', '0.00', '1.00']);
    expect([1_250, 1_850, 7, 0, 10_000, 100].map(basisPointsToText)).toEqual(['12.5', '18.5', '0.07', '0', '100', '1']);
    const parsed = updateLineInput.parse(formOf(rule, { id: '3', version: '4' }));
    expect(parsed).toMatchObject({ id: 3, version: 4, locale: 'zh-CN' });
    expect(parsed.line).toEqual({
      name: 'Economy Air',
      names: { 'zh-CN': '经济空运', ja: 'エコノミー航空便' },
      carrier: 'China Post',
      isActive: true,
      isTaxIncluded: false,
      countries: ['US', 'DE', 'JP'],
      volumetricDivisor: 8000,
      firstWeightGrams: 500,
      firstPriceMinor: 7_500,
      continuedUnitGrams: 500,
      continuedPriceMinor: 2_805,
      fuelSurchargeBp: 1_250,
      minWeightGrams: 0,
      maxWeightGrams: 20_000,
      maxLongestSideCm: 105,
      maxLengthGirthCm: null,
      refusedGoods: ['battery', 'brand'],
      daysMin: 12,
      daysMax: 25,
      insuranceRateBp: 7,
      insuranceMinMinor: 500,
      sortOrder: 30,
    });
  });

  it('reads countries typed any way (lower case, commas, new lines) and an unticked box as off', () => {
    const parsed = createLineInput.parse(formOf(rule, { code: 'New-Line', countries: 'us, de\nfr;fr', isActive: undefined as unknown as string }));
    expect(parsed.code).toBe('new-line');
    expect(parsed.line.countries).toEqual(['US', 'DE', 'FR']);
    expect(parsed.line.isActive).toBe(false);
  });

  const refusal = (extra: Record<string, unknown>) => {
    const result = createLineInput.safeParse({ ...formOf(rule), ...extra });
    expect(result.success).toBe(false);
    return Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path.at(-1)), issue.message]));
  };

  it('names each field at fault with a message key', () => {
    expect(refusal({ code: 'a b' })).toMatchObject({ code: 'codeFormat' });
    expect(refusal({ name: '  ' })).toMatchObject({ name: 'required' });
    expect(refusal({ countries: '' })).toMatchObject({ countries: 'countriesRequired' });
    expect(refusal({ countries: 'US XX KP' })).toMatchObject({ countries: 'countriesUnknown' });
    expect(refusal({ volumetricDivisor: '7000' })).toMatchObject({ volumetricDivisor: 'divisor' });
    expect(refusal({ firstPrice: '75.001' })).toMatchObject({ firstPrice: 'money' });
    expect(refusal({ firstPrice: '-1' })).toMatchObject({ firstPrice: 'money' });
    expect(refusal({ continuedUnitGrams: '0' })).toMatchObject({ continuedUnitGrams: 'outOfRange' });
    expect(refusal({ firstWeightGrams: '1.5' })).toMatchObject({ firstWeightGrams: 'wholeNumber' });
    expect(refusal({ fuelSurcharge: '100.01' })).toMatchObject({ fuelSurcharge: 'percent' });
    expect(refusal({ maxLongestSideCm: '-3' })).toMatchObject({ maxLongestSideCm: 'wholeNumber' });
    expect(refusal({ refusedGoods: ['battery', 'plutonium'] })).toMatchObject({ refusedGoods: 'goods' });
    expect(refusal({ name_ja: 'x'.repeat(121) })).toMatchObject({ name_ja: 'tooLong' });
  });

  it('refuses limits that contradict each other', () => {
    expect(refusal({ minWeightGrams: '10000', maxWeightGrams: '9999' })).toEqual({ maxWeightGrams: 'maxBelowMin' });
    expect(refusal({ daysMin: '30', daysMax: '20' })).toEqual({ daysMax: 'daysOrder' });
  });
});

describe('the demo lines', () => {
  it('are lines the admin form accepts as they are', () => {
    for (const [index, demo] of demoShippingLines.entries()) {
      const asRule: ShippingLineRule = {
        ...demo,
        id: index + 1,
        isActive: true,
        isTaxIncluded: demo.isTaxIncluded ?? false,
        firstPriceCny: demo.firstPriceMinor,
        continuedPriceCny: demo.continuedPriceMinor,
        insuranceMinCny: demo.insuranceMinMinor,
        sortOrder: index * 10,
      };
      const parsed = createLineInput.safeParse(formOf(asRule));
      expect(parsed.error?.issues ?? [], demo.code).toEqual([]);
      expect(parsed.data?.line.countries, demo.code).toEqual(demo.countries);
    }
  });
});
