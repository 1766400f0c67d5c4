import { add, convert, money, percentOf, type Money } from '@/lib/money';
import { boxMeasures, chargeableWeight } from './chargeable-weight';
import { describeIneligibility } from './reasons';
import type { Ineligibility, QuoteRate, ShippingLineRule, ShippingQuote, ShippingQuoteRequest, ShippingQuoteResult, UnavailableLine } from './types';

/**
 * The one shipping quote, pure: every active line either prices the parcel or says why it cannot
 * take it. The estimator page, the public API, the product page and cart estimates, and the parcel
 * estimate all come through here (through quoteShipping, which loads lines and the rate), so the
 * same parcel costs the same everywhere.
 *
 * Price in CNY = first price + continued units × unit price, plus the fuel surcharge on that, rounded
 * half-even once; then converted to the requested currency at `rate` (rounded once more, in that
 * currency). Eligible lines come cheapest first (then fastest, then the agent's order).
 */
export function quoteLines(lines: readonly ShippingLineRule[], request: ShippingQuoteRequest, rate: QuoteRate): ShippingQuoteResult {
  if (rate.currency !== request.currency) throw new RangeError(`Rate is for ${rate.currency}, the quote asks for ${request.currency}`);
  const quotes: ShippingQuote[] = [];
  const unavailable: UnavailableLine[] = [];
  const ordered = [...lines].filter((line) => line.isActive).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  for (const line of ordered) {
    const name = lineName(line, request.locale);
    const reasons = ineligibility(line, request);
    if (reasons.length > 0) {
      unavailable.push({ lineId: line.id, code: line.code, name, reason: reasons[0]!.code, message: describeIneligibility(reasons[0]!), reasons });
      continue;
    }
    quotes.push(priceLine(line, name, request, rate));
  }
  quotes.sort((a, b) => a.priceCny.amountMinor - b.priceCny.amountMinor || a.days.max - b.days.max);
  return { quotes, unavailable, rate };
}

/** The line's name in `locale` where it has one, else its default name. */
export function lineName(line: Pick<ShippingLineRule, 'name' | 'names'>, locale: string | undefined): string {
  return (locale && line.names[locale]?.trim()) || line.name;
}

/** Every reason the line refuses the parcel, in a fixed order: destination, goods, weight, size. */
export function ineligibility(line: ShippingLineRule, request: ShippingQuoteRequest): Ineligibility[] {
  const reasons: Ineligibility[] = [];
  if (!line.countries.includes(request.country)) reasons.push({ code: 'destination_not_served', country: request.country });
  const refused = (request.goods ?? []).filter((good) => line.refusedGoods.includes(good));
  if (refused.length > 0) reasons.push({ code: 'refused_goods', goods: [...new Set(refused)] });
  if (request.grams < line.minWeightGrams) reasons.push({ code: 'under_min_weight', grams: request.grams, limitGrams: line.minWeightGrams });
  if (request.grams > line.maxWeightGrams) reasons.push({ code: 'over_max_weight', grams: request.grams, limitGrams: line.maxWeightGrams });
  if (request.dims) {
    const { longestSideCm, lengthGirthCm } = boxMeasures(request.dims);
    if (line.maxLongestSideCm !== null && longestSideCm > line.maxLongestSideCm) {
      reasons.push({ code: 'longest_side_exceeded', cm: longestSideCm, limitCm: line.maxLongestSideCm });
    }
    if (line.maxLengthGirthCm !== null && lengthGirthCm > line.maxLengthGirthCm) {
      reasons.push({ code: 'length_girth_exceeded', cm: lengthGirthCm, limitCm: line.maxLengthGirthCm });
    }
  }
  return reasons;
}

/** Basis points as the decimal percentage percentOf takes: 1250 → "12.5", 7 → "0.07". */
export function basisPointsToPercent(bp: number): string {
  if (!Number.isSafeInteger(bp) || bp < 0) throw new RangeError(`Basis points must be a non-negative integer, got ${bp}`);
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
}

/** The line's price for a chargeable weight: first + units × unit price, plus the fuel surcharge rounded half-even once. */
export function linePrice(line: Pick<ShippingLineRule, 'firstPriceCny' | 'continuedPriceCny' | 'fuelSurchargeBp'>, continuedUnits: number) {
  const base = money(line.firstPriceCny + continuedUnits * line.continuedPriceCny, 'CNY');
  // The base is whole fen, so rounding the surcharge is rounding the total: once.
  const fuel = percentOf(base, basisPointsToPercent(line.fuelSurchargeBp));
  return { base, fuel, total: add(base, fuel) };
}

/** Insurance on a declared value: rate × value rounded half-even, at least the line's minimum; null when the line does not insure. */
export function insurancePremium(line: Pick<ShippingLineRule, 'insuranceRateBp' | 'insuranceMinCny'>, declaredValueCny: number): Money<'CNY'> | null {
  if (line.insuranceRateBp <= 0) return null;
  const premium = percentOf(money(declaredValueCny, 'CNY'), basisPointsToPercent(line.insuranceRateBp));
  return premium.amountMinor < line.insuranceMinCny ? money(line.insuranceMinCny, 'CNY') : premium;
}

function priceLine(line: ShippingLineRule, name: string, request: ShippingQuoteRequest, rate: QuoteRate): ShippingQuote {
  const weight = chargeableWeight(line, request.grams, request.dims);
  const { base, fuel, total } = linePrice(line, weight.continuedUnits);
  const inCurrency = (amount: Money<'CNY'>): Money => (rate.currency === 'CNY' ? amount : convert(amount, rate.currency, rate.rate));
  const insuranceCny = request.declaredValueCny != null ? insurancePremium(line, request.declaredValueCny) : null;
  return {
    lineId: line.id,
    code: line.code,
    name,
    carrier: line.carrier,
    isTaxIncluded: line.isTaxIncluded,
    actualGrams: request.grams,
    volumetricGrams: weight.volumetricGrams,
    chargeableGrams: weight.chargeableGrams,
    basePriceCny: base,
    fuelSurchargeCny: fuel,
    priceCny: total,
    price: inCurrency(total),
    insuranceCny,
    insurance: insuranceCny ? inCurrency(insuranceCny) : null,
    days: { min: line.daysMin, max: line.daysMax },
  };
}
