import 'server-only';
import { z } from 'zod';
import { shippingAddressSchema } from '@/lib/addresses/address-schema';
import { parcelServices } from '@/db/schema/parcels';
import { AppError } from '@/lib/errors';
import type { CurrencyCode } from '@/lib/money/currencies';
import { isSupportedCurrency } from '@/lib/money/locale-currency';
import { englishMessage } from './order-request';

/** `POST /api/v1/parcels` body (PRODUCT.md, "Open API signing"). */
const itemId = z.union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^[1-9]\d{0,15}$/).transform(Number)], { error: 'each item must be an order item id' });

export const createParcelRequestSchema = z.object({
  items: z
    .array(itemId)
    .min(1, 'items must have 1 to 100 entries')
    .max(100, 'items must have 1 to 100 entries')
    .refine((ids) => new Set(ids).size === ids.length, 'an item appears more than once'),
  lineId: z.union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^[1-9]\d{0,15}$/).transform(Number)], { error: 'lineId must be a shipping line id' }),
  shippingAddress: shippingAddressSchema,
  services: z.array(z.enum(parcelServices, { error: `services are ${parcelServices.join(', ')}` })).max(parcelServices.length).default([]),
  declaredValue: z
    .object({
      amountMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
      currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code'),
    })
    .nullish(),
  currency: z.custom<CurrencyCode>(isSupportedCurrency, 'currency is not supported'),
});

export type CreateParcelRequest = z.infer<typeof createParcelRequestSchema>;

/** The validated body, or 422 `validation_failed` naming each offending field. */
export function parseCreateParcelRequest(body: unknown): CreateParcelRequest {
  const result = createParcelRequestSchema.safeParse(body);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', message: englishMessage(issue.message) }));
  const first = fields[0]!;
  throw new AppError('validation_failed', `Invalid ${first.field}: ${first.message}`, { fields });
}
