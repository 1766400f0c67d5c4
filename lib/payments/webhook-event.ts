import { z } from 'zod';

/**
 * The part of a Stripe-format event Ferry relies on. Anything else in the payload is kept in the
 * stored raw body but not trusted.
 */
const metadata = z
  .object({
    /** Every payment Ferry starts carries it, except a wallet top-up, which belongs to no order. */
    order_number: z.string().min(1).max(40).optional(),
    wallet_topup_id: z.string().max(20).optional(),
    wallet_topup_ref: z.string().max(40).optional(),
    /** A parcel's shipping or its top-up (lib/parcels): the parcel, not an order, is credited. */
    parcel_id: z.string().max(20).optional(),
    parcel_number: z.string().max(40).optional(),
    parcel_charge: z.enum(['parcel', 'topup']).optional(),
  })
  .passthrough()
  .refine((m) => m.order_number !== undefined || m.wallet_topup_id !== undefined || m.parcel_id !== undefined, 'metadata names no order, no wallet top-up and no parcel');

export const paymentIntentObject = z.object({
  id: z.string().min(1).max(100),
  object: z.literal('payment_intent'),
  amount: z.number().int().nonnegative(),
  amount_received: z.number().int().nonnegative().optional(),
  currency: z.string().regex(/^[a-z]{3}$/),
  metadata,
  last_payment_error: z.object({ code: z.string().optional(), message: z.string().optional() }).nullish(),
});

export const chargeObject = z.object({
  id: z.string().min(1).max(100),
  object: z.literal('charge'),
  amount: z.number().int().nonnegative(),
  amount_refunded: z.number().int().nonnegative(),
  currency: z.string().regex(/^[a-z]{3}$/),
  payment_intent: z.string().nullish(),
  metadata,
});

export const handledTypes = ['payment_intent.succeeded', 'payment_intent.payment_failed', 'charge.refunded'] as const;

export const webhookEventSchema = z.object({
  id: z.string().min(1).max(100),
  type: z.string().min(1).max(64),
  created: z.number().int(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

export type WebhookEvent = z.infer<typeof webhookEventSchema>;
