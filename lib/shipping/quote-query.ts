import { z } from 'zod';
import { isCountryCode } from '@/lib/addresses/countries';
import { locales } from '@/lib/i18n/locales';
import { SUPPORTED_CURRENCIES } from '@/lib/money/currencies';
import { QUOTE_LIMITS, shippingGoods, type ShippingGood } from './goods';
import type { ShippingQuoteRequest } from './types';

export { QUOTE_LIMITS };

/** A whole number written plainly ("1200", not "1e3", "1200.0", "+1200" or "01200"), within bounds. */
const wholeNumber = (max: number, what: string) =>
  z
    .string({ error: `${what} is required` })
    .regex(/^[1-9]\d{0,8}$/, `${what} must be a whole number from 1 to ${max}`)
    .transform(Number)
    .refine((value) => value <= max, `${what} must be a whole number from 1 to ${max}`);

const goodsList = z
  .string()
  .max(200, 'goods is too long')
  .transform((text, ctx): ShippingGood[] => {
    const items = text.split(',').map((item) => item.trim()).filter(Boolean);
    const unknown = items.filter((item) => !(shippingGoods as readonly string[]).includes(item));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `Unknown goods: ${unknown.join(', ')} (known: ${shippingGoods.join(', ')})` });
      return z.NEVER;
    }
    return [...new Set(items as ShippingGood[])];
  });

/**
 * `GET /api/shipping/quote` parameters: `country` an ISO 3166-1 alpha-2 code Ferry ships to
 * (lib/addresses/countries.ts), `weightGrams` 1–100000, `lengthCm`/`widthCm`/`heightCm` 1–300,
 * optional `currency` (one Ferry supports, default CNY), `goods` (comma list of battery, liquid,
 * powder, magnet, brand) and `locale` (line names in that language). Other parameters are ignored.
 */
export const quoteQuerySchema = z.object({
  country: z
    .string({ error: 'country is required' })
    .refine((code) => /^[A-Z]{2}$/.test(code) && isCountryCode(code), 'country must be an ISO 3166-1 alpha-2 code Ferry ships to'),
  weightGrams: wholeNumber(QUOTE_LIMITS.maxGrams, 'weightGrams'),
  lengthCm: wholeNumber(QUOTE_LIMITS.maxSideCm, 'lengthCm'),
  widthCm: wholeNumber(QUOTE_LIMITS.maxSideCm, 'widthCm'),
  heightCm: wholeNumber(QUOTE_LIMITS.maxSideCm, 'heightCm'),
  currency: z.enum(SUPPORTED_CURRENCIES, { error: `currency must be one of ${SUPPORTED_CURRENCIES.join(', ')}` }).default('CNY'),
  goods: goodsList.default([]),
  locale: z.enum(locales, { error: `locale must be one of ${locales.join(', ')}` }).optional(),
});

export type QuoteQueryResult = { ok: true; request: ShippingQuoteRequest } | { ok: false; message: string };

const known = Object.keys(quoteQuerySchema.shape);

/** Reads the query string: a parameter given twice is refused (which one would count?), unknown ones are ignored. */
export function parseQuoteQuery(params: URLSearchParams): QuoteQueryResult {
  const raw: Record<string, string> = {};
  for (const key of known) {
    const values = params.getAll(key);
    if (values.length > 1) return { ok: false, message: `${key} is given more than once` };
    if (values.length === 1) raw[key] = values[0]!;
  }
  const parsed = quoteQuerySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join('; ') };
  const q = parsed.data;
  return {
    ok: true,
    request: {
      country: q.country,
      grams: q.weightGrams,
      dims: { lengthCm: q.lengthCm, widthCm: q.widthCm, heightCm: q.heightCm },
      goods: q.goods,
      currency: q.currency,
      ...(q.locale ? { locale: q.locale } : {}),
    },
  };
}
