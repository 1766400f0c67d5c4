import 'server-only';
import type { Database } from '@/db/client';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { storeWebhook, type StoredWebhook } from '@/lib/webhooks/store-webhook';
import { webhookSecret } from './registry';
import { verifyStripeEvent } from './stripe-api';
import { webhookEventSchema } from './webhook-event';

/**
 * Steps 1–3 of the webhook recipe: verify the signature on the raw body, validate, and store the
 * event through the one intake (lib/webhooks) as the payments consumer's, before the caller answers
 * 2xx. A redelivery only bumps the delivery count. Returns the stored row id; processing happens
 * after the answer.
 */
export async function receivePaymentWebhook(db: Database, source: string, rawBody: string, signature: string | null): Promise<StoredWebhook> {
  const secret = webhookSecret(getEnv(), source);
  if (!secret) throw new AppError('not_found', `No payment gateway "${source}" is configured`);
  if (!signature) throw new AppError('bad_request', 'Missing Stripe-Signature header');
  let verified: unknown;
  try {
    verified = verifyStripeEvent(rawBody, signature, secret);
  } catch {
    throw new AppError('bad_request', 'Invalid or expired signature');
  }
  const parsed = webhookEventSchema.safeParse(verified);
  if (!parsed.success) throw new AppError('bad_request', 'Not a valid event');
  const event = parsed.data;

  return storeWebhook(db, { source, eventId: event.id, type: event.type, payload: rawBody, consumer: 'payments' });
}
