import { z } from 'zod';
import { shippingAddressSchema } from '@/lib/addresses/address-schema';
import accountMessages from '@/messages/account/en.json';
import { AppError } from '@/lib/errors';
import type { CurrencyCode } from '@/lib/money/currencies';
import { isSupportedCurrency } from '@/lib/money/locale-currency';

/** `POST /api/v1/orders` body (PRODUCT.md, "Open API signing"). */

const skuId = z.union([
  z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'skuId must be a positive integer')
    .transform(Number)
    .refine(Number.isSafeInteger, 'skuId must be a positive integer'),
], { error: 'skuId must be a positive integer' });

const orderItem = z.object({
  skuId,
  quantity: z.number({ error: 'quantity must be a whole number from 1 to 999' }).int().min(1).max(999),
});

export const createOrderRequestSchema = z.object({
  items: z
    .array(orderItem)
    .min(1, 'items must have 1 to 100 entries')
    .max(100, 'items must have 1 to 100 entries')
    .superRefine((items, ctx) => {
      const seen = new Set<number>();
      items.forEach((item, index) => {
        if (seen.has(item.skuId)) ctx.addIssue({ code: 'custom', path: [index, 'skuId'], message: `SKU ${item.skuId} appears more than once` });
        seen.add(item.skuId);
      });
    }),
  currency: z.custom<CurrencyCode>(isSupportedCurrency, 'currency is not supported'),
  shippingAddress: shippingAddressSchema,
  externalRef: z
    .string()
    .trim()
    .max(100, 'externalRef must be at most 100 characters')
    .nullish()
    .transform((v) => v || null),
});

export type CreateOrderRequest = z.infer<typeof createOrderRequestSchema>;

/** The validated body, or 422 `validation_failed` naming each offending field (`items.1.quantity`). */
export function parseCreateOrderRequest(body: unknown): CreateOrderRequest {
  const result = createOrderRequestSchema.safeParse(body);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', message: englishMessage(issue.message) }));
  const first = fields[0]!;
  throw new AppError('validation_failed', `Invalid ${first.field}: ${first.message}`, { fields });
}

// The address schema reports message keys for forms; partners read the English text of the key.
const addressErrors: Record<string, string | undefined> = (accountMessages as { addressErrors?: Record<string, string> }).addressErrors ?? {};

export function englishMessage(message: string): string {
  return addressErrors[message] ?? message;
}
