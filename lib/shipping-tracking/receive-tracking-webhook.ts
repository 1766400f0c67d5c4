import 'server-only';
import { createHash } from 'node:crypto';
import type { Database } from '@/db/client';
import { AppError } from '@/lib/errors';
import { readTrackingWebhook, trackingWebhookKey } from '@/lib/tracking';
import { storeWebhook, type StoredWebhook } from '@/lib/webhooks/store-webhook';

export const TRACKING_WEBHOOK_SOURCE = '17track';

/**
 * Steps 1–3 of the webhook recipe for 17TRACK: the `sign` header checked on the raw body in
 * constant time, the payload parsed by the connector, then stored through the one intake as the
 * `tracking` consumer's before the caller answers 2xx. 17TRACK sends no event id, so the id is the
 * SHA-256 of the raw body: a redelivery of the same bytes is stored once. A bad sign or payload is
 * a 400 and nothing is stored.
 */
export async function receiveTrackingWebhook(db: Database, rawBody: string, sign: string | null, key: string = trackingWebhookKey()): Promise<StoredWebhook & { number: string }> {
  const result = readTrackingWebhook(rawBody, sign, key);
  if (!result.ok) throw new AppError('bad_request', result.reason === 'bad_sign' ? 'Invalid sign' : `Not a valid tracking update: ${result.message}`);
  const stored = await storeWebhook(db, {
    source: TRACKING_WEBHOOK_SOURCE,
    eventId: trackingEventId(rawBody),
    type: result.update.event,
    payload: rawBody,
    consumer: 'tracking',
  });
  return { ...stored, number: result.update.number };
}

export function trackingEventId(rawBody: string): string {
  return createHash('sha256').update(rawBody, 'utf8').digest('hex');
}
