import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { webhookEvents } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { webhookSecret } from './registry';
import { verifyStripeEvent } from './stripe-api';
import { webhookEventSchema } from './webhook-event';

/**
 * Steps 1–3 of the webhook recipe: verify the signature on the raw body, validate, and store the
 * event under its id (unique per source) before the caller answers 2xx. A redelivery only bumps
 * the delivery count. Returns the stored row id; processing happens after the answer.
 */
export async function receivePaymentWebhook(db: Database, source: string, rawBody: string, signature: string | null): Promise<{ id: number; isNew: boolean }> {
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

  const [result] = await db
    .insert(webhookEvents)
    .values({ source, eventId: event.id, type: event.type, payload: rawBody })
    .onDuplicateKeyUpdate({ set: { deliveries: sql`${webhookEvents.deliveries} + 1` } });
  // MySQL reports 1 affected row for an insert and 2 for an update of an existing row.
  const isNew = result.affectedRows === 1;
  if (isNew) return { id: result.insertId, isNew };
  const [row] = await db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.source, source), eq(webhookEvents.eventId, event.id)));
  return { id: row!.id, isNew };
}
