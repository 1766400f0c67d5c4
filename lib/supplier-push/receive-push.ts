import 'server-only';
import type { Database } from '@/db/client';
import { AppError } from '@/lib/errors';
import { getConnector, hasConnector } from '@/lib/suppliers/registry';
import type { PushDelivery, PushMessage, SupplierPlatform } from '@/lib/suppliers/types';
import { storeWebhook } from '@/lib/webhooks/store-webhook';

/** Pushes are small (one message); anything much larger is not one. */
export const MAX_PUSH_BYTES = 256 * 1024;
const EVENT_ID_MAX = 100; // webhook_events.event_id

export type ReceivedPush = { id: number; isNew: boolean; msgId: string; kind: PushMessage['kind'] };

/** The form fields of a urlencoded body, first value of each name. */
export function parsePushForm(rawBody: string): PushDelivery {
  const fields: PushDelivery = {};
  for (const [name, value] of new URLSearchParams(rawBody)) if (!(name in fields)) fields[name] = value;
  return fields;
}

/**
 * Steps 1–3 of the webhook recipe for marketplace pushes: the connector verifies the signature
 * and the message's shape; the delivery goes through the one intake (lib/webhooks) under
 * (platform, msgId) as the `supplier-push` consumer's, before the caller answers; a redelivery
 * only bumps `deliveries` and is never applied again. The stored payload is the delivery's form
 * fields as JSON (the message JSON and its signature), so the worker re-reads it through the same
 * `verifyPush` and no platform's format is parsed outside its connector.
 */
export async function receivePush(db: Database, platform: SupplierPlatform, rawBody: string): Promise<ReceivedPush> {
  if (!hasConnector(platform)) throw new AppError('not_found', `No connector for ${platform}`);
  if (Buffer.byteLength(rawBody) > MAX_PUSH_BYTES) throw new AppError('bad_request', 'Message too large');
  const fields = parsePushForm(rawBody);
  const message = getConnector(platform).verifyPush(fields);
  if (!message) throw new AppError('bad_request', 'Invalid signature or malformed message');
  if (message.msgId.length === 0 || message.msgId.length > EVENT_ID_MAX) throw new AppError('bad_request', 'Invalid msgId');

  const stored = await storeWebhook(db, { source: platform, eventId: message.msgId, type: message.rawType, payload: JSON.stringify(fields), consumer: 'supplier-push' });
  return { ...stored, msgId: message.msgId, kind: message.kind };
}
