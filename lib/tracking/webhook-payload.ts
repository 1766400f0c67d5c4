import { z } from 'zod';
import { isValidTrackingSign } from './sign';
import { reshapeTracking, trackingDataSchema } from './track-info';
import type { TrackingUpdate } from './types';

/**
 * A 17TRACK webhook checked and reshaped: the `sign` header is verified over the body exactly as
 * received before anything is parsed, then `{event, data:{number, carrier, tag, track_info}}`
 * becomes a TrackingUpdate. Any doubt gives a failure the route answers with 400, storing nothing.
 */
const payloadSchema = z.object({
  event: z.enum(['TRACKING_UPDATED', 'TRACKING_STOPPED']),
  data: trackingDataSchema,
});

export type TrackingWebhookResult = { ok: true; update: TrackingUpdate } | { ok: false; reason: 'bad_sign' | 'bad_payload'; message: string };

export function readTrackingWebhook(rawBody: string, sign: string | null | undefined, key: string): TrackingWebhookResult {
  if (!isValidTrackingSign(rawBody, sign, key)) return { ok: false, reason: 'bad_sign', message: 'the sign header does not match the body' };
  return parseTrackingWebhook(rawBody);
}

/** The payload alone, for a body whose sign was already checked. */
export function parseTrackingWebhook(rawBody: string): TrackingWebhookResult {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'bad_payload', message: 'the body is not JSON' };
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: 'bad_payload', message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, update: { event: parsed.data.event, ...reshapeTracking(parsed.data.data) } };
}
