import { isCountryCode } from '@/lib/addresses/countries';
import type { CurrencyCode } from '@/lib/money/currencies';
import { isShippingGood, QUOTE_LIMITS, type ShippingGood } from './goods';
import type { ShippingQuoteRequest } from './types';

export const estimatorFields = ['country', 'weightGrams', 'lengthCm', 'widthCm', 'heightCm', 'goods'] as const;
export type EstimatorField = (typeof estimatorFields)[number];
/** Message keys under `shipping.errors`. */
export type EstimatorError = 'required' | 'wholeNumber' | 'range' | 'country' | 'goods';

export type EstimatorValues = { country: string; weightGrams: string; lengthCm: string; widthCm: string; heightCm: string; goods: string[] };

export type EstimatorForm = {
  /** What the fields show: what was typed, or the defaults on a first visit. */
  values: EstimatorValues;
  errors: Partial<Record<EstimatorField, EstimatorError>>;
  /** The quote to show, when every field is valid. */
  request: ShippingQuoteRequest | null;
  /** Bounds per numeric field, for the messages and the inputs' min/max. */
  bounds: Record<'weightGrams' | 'lengthCm' | 'widthCm' | 'heightCm', { min: number; max: number }>;
};

/** A first visit estimates a typical parcel: a kilo in a shoebox-sized carton. */
export const estimatorDefaults = { weightGrams: '1000', lengthCm: '30', widthCm: '20', heightCm: '15' } as const;

const bounds = {
  weightGrams: { min: 1, max: QUOTE_LIMITS.maxGrams },
  lengthCm: { min: 1, max: QUOTE_LIMITS.maxSideCm },
  widthCm: { min: 1, max: QUOTE_LIMITS.maxSideCm },
  heightCm: { min: 1, max: QUOTE_LIMITS.maxSideCm },
};

type Query = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 20);

/** Whether the form was sent (any of its fields in the query), rather than a first visit. */
export function isEstimatorSubmitted(query: Query): boolean {
  return estimatorFields.some((field) => query[field] !== undefined);
}

/**
 * Reads the estimator's GET form (`/{locale}/shipping?country=DE&weightGrams=1200&…&goods=battery`)
 * with a message key per field at fault, the same bounds as the API. Without any parameter it is a
 * first visit: the defaults, quoted for `defaultCountry`.
 */
export function readEstimatorForm(query: Query, defaultCountry: string, currency: CurrencyCode, locale: string): EstimatorForm {
  const isSubmitted = isEstimatorSubmitted(query);
  const goodsRaw = (Array.isArray(query.goods) ? query.goods : query.goods ? [query.goods] : []).flatMap((value) => value.split(',')).map((g) => g.trim()).filter(Boolean).slice(0, 10);
  const values: EstimatorValues = {
    country: first(query.country)?.toUpperCase() ?? (isSubmitted ? '' : defaultCountry),
    weightGrams: first(query.weightGrams) ?? (isSubmitted ? '' : estimatorDefaults.weightGrams),
    lengthCm: first(query.lengthCm) ?? (isSubmitted ? '' : estimatorDefaults.lengthCm),
    widthCm: first(query.widthCm) ?? (isSubmitted ? '' : estimatorDefaults.widthCm),
    heightCm: first(query.heightCm) ?? (isSubmitted ? '' : estimatorDefaults.heightCm),
    goods: goodsRaw,
  };
  const errors: EstimatorForm['errors'] = {};
  if (!values.country) errors.country = 'required';
  else if (!isCountryCode(values.country)) errors.country = 'country';
  const numbers = {} as Record<keyof typeof bounds, number>;
  for (const field of Object.keys(bounds) as (keyof typeof bounds)[]) {
    const text = values[field];
    if (!text) errors[field] = 'required';
    else if (!/^\d{1,9}$/.test(text)) errors[field] = 'wholeNumber';
    else if (Number(text) < bounds[field].min || Number(text) > bounds[field].max) errors[field] = 'range';
    else numbers[field] = Number(text);
  }
  if (!goodsRaw.every(isShippingGood)) errors.goods = 'goods';
  const isValid = Object.keys(errors).length === 0;
  return {
    values,
    errors,
    bounds,
    request: isValid
      ? {
          country: values.country,
          grams: numbers.weightGrams,
          dims: { lengthCm: numbers.lengthCm, widthCm: numbers.widthCm, heightCm: numbers.heightCm },
          goods: [...new Set(goodsRaw as ShippingGood[])],
          currency,
          locale,
        }
      : null,
  };
}
