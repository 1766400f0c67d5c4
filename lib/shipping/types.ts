import type { CurrencyCode, Money } from '@/lib/money';
import type { ShippingGood, VolumetricDivisor } from './goods';

/** One shipping line's rules as the quote reads them (a `shipping_lines` row, typed). Amounts are CNY minor units. */
export type ShippingLineRule = {
  id: number;
  code: string;
  /** The default (English) name; `names` holds per-locale display names. */
  name: string;
  names: Readonly<Record<string, string>>;
  carrier: string;
  isActive: boolean;
  isTaxIncluded: boolean;
  countries: readonly string[];
  volumetricDivisor: VolumetricDivisor | null;
  firstWeightGrams: number;
  firstPriceCny: number;
  continuedUnitGrams: number;
  continuedPriceCny: number;
  fuelSurchargeBp: number;
  minWeightGrams: number;
  maxWeightGrams: number;
  maxLongestSideCm: number | null;
  maxLengthGirthCm: number | null;
  refusedGoods: readonly ShippingGood[];
  daysMin: number;
  daysMax: number;
  insuranceRateBp: number;
  insuranceMinCny: number;
  sortOrder: number;
};

export type ParcelDims = { lengthCm: number; widthCm: number; heightCm: number };

/**
 * What to quote: a destination, the parcel's weight in grams (measured, or items' estimates plus a
 * packaging allowance), its box (optional: without one, no volumetric weight and no size check), the
 * goods it holds, the currency to show and, for insurance, the declared value in CNY minor units.
 */
export type ShippingQuoteRequest = {
  country: string;
  grams: number;
  dims?: ParcelDims | null;
  goods?: readonly ShippingGood[];
  currency: CurrencyCode;
  declaredValueCny?: number | null;
  /** Names lines in this locale where the line has a display name for it. */
  locale?: string;
};

/** Why a line cannot take a parcel: a machine code with the numbers behind it. */
export type Ineligibility =
  | { code: 'destination_not_served'; country: string }
  | { code: 'refused_goods'; goods: ShippingGood[] }
  | { code: 'under_min_weight'; grams: number; limitGrams: number }
  | { code: 'over_max_weight'; grams: number; limitGrams: number }
  | { code: 'longest_side_exceeded'; cm: number; limitCm: number }
  | { code: 'length_girth_exceeded'; cm: number; limitCm: number };

export type IneligibilityCode = Ineligibility['code'];

export type ShippingQuote = {
  lineId: number;
  code: string;
  name: string;
  carrier: string;
  isTaxIncluded: boolean;
  actualGrams: number;
  /** L×W×H / divisor in grams (rounded up), null without a divisor or a box. */
  volumetricGrams: number | null;
  /** max(actual, volumetric), rounded up to the first weight and then whole continued units. */
  chargeableGrams: number;
  /** The weight price before the fuel surcharge, and the surcharge itself. */
  basePriceCny: Money<'CNY'>;
  fuelSurchargeCny: Money<'CNY'>;
  /** What the line costs: base + fuel surcharge, rounded half-even once. */
  priceCny: Money<'CNY'>;
  /** `priceCny` in the requested currency at the quote's rate. */
  price: Money;
  /** Present when a declared value was given and the line insures: rate × value, at least the line's minimum. */
  insuranceCny: Money<'CNY'> | null;
  insurance: Money | null;
  days: { min: number; max: number };
};

export type UnavailableLine = {
  lineId: number;
  code: string;
  name: string;
  /** The first reason (destination, goods, weight, size in that order) and its English sentence. */
  reason: IneligibilityCode;
  message: string;
  /** Every reason the line refuses the parcel for. */
  reasons: Ineligibility[];
};

/** The rate a quote converted at: 1 CNY = `rate` `currency`. */
export type QuoteRate = { currency: CurrencyCode; rate: string; source: string; capturedAt: string };

export type ShippingQuoteResult = {
  /** Eligible lines, cheapest first. */
  quotes: ShippingQuote[];
  unavailable: UnavailableLine[];
  rate: QuoteRate;
};
