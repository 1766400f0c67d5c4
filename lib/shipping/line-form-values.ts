import { locales } from '@/lib/i18n/locales';
import type { ShippingLineRule } from './types';

/* The admin form's fields as text (what the inputs show): yuan with two decimals, percentages from basis points. */

/** 18000 fen → "180.00". */
export function fenToYuan(fen: number): string {
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${fen < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** 1850 bp → "18.5"; 100 → "1"; 7 → "0.07". */
export function basisPointsToText(bp: number): string {
  const whole = Math.floor(bp / 100);
  const fraction = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** A line as the edit form's text fields (goods are the checkboxes' list). */
export function lineFormValues(line: ShippingLineRule): { values: Record<string, string>; refusedGoods: string[]; isActive: boolean; isTaxIncluded: boolean } {
  const values: Record<string, string> = {
    code: line.code,
    name: line.name,
    carrier: line.carrier,
    countries: line.countries.join(' '),
    volumetricDivisor: line.volumetricDivisor === null ? '' : String(line.volumetricDivisor),
    firstWeightGrams: String(line.firstWeightGrams),
    firstPrice: fenToYuan(line.firstPriceCny),
    continuedUnitGrams: String(line.continuedUnitGrams),
    continuedPrice: fenToYuan(line.continuedPriceCny),
    fuelSurcharge: basisPointsToText(line.fuelSurchargeBp),
    minWeightGrams: String(line.minWeightGrams),
    maxWeightGrams: String(line.maxWeightGrams),
    maxLongestSideCm: line.maxLongestSideCm === null ? '' : String(line.maxLongestSideCm),
    maxLengthGirthCm: line.maxLengthGirthCm === null ? '' : String(line.maxLengthGirthCm),
    daysMin: String(line.daysMin),
    daysMax: String(line.daysMax),
    insuranceRate: basisPointsToText(line.insuranceRateBp),
    insuranceMin: fenToYuan(line.insuranceMinCny),
    sortOrder: String(line.sortOrder),
  };
  for (const locale of locales) values[`name_${locale}`] = line.names[locale] ?? '';
  return { values, refusedGoods: [...line.refusedGoods], isActive: line.isActive, isTaxIncluded: line.isTaxIncluded };
}

/** A new line's starting values: the common 500 g + 500 g pricing. */
export const newLineValues = {
  values: { continuedUnitGrams: '500', firstWeightGrams: '500', fuelSurcharge: '0', minWeightGrams: '0', insuranceRate: '0', insuranceMin: '0.00', sortOrder: '100', volumetricDivisor: '6000' } as Record<string, string>,
  refusedGoods: ['battery', 'liquid', 'powder'],
  isActive: true,
  isTaxIncluded: false,
};
