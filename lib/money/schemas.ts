import { z } from 'zod';
import { SUPPORTED_CURRENCIES } from './currencies';

/*
 * Wire schemas for money (open API, webhooks, forms). Kept apart from the primitives, and out of
 * lib/money/index.ts, because a top-level `z.enum()`/`z.object()` cannot be tree-shaken: wherever a
 * client component imported the currency list, all of zod (~30 KB gzipped) shipped to the browser.
 */

export const currencySchema = z.enum(SUPPORTED_CURRENCIES);

/** Wire/JSON shape (open API `price`, `charge`), validated the same way as `money()`. */
export const moneySchema = z.object({
  amountMinor: z.number().refine(Number.isSafeInteger, 'amountMinor must be a safe integer'),
  currency: currencySchema,
});
