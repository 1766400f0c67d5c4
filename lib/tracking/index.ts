import 'server-only';
import { getEnv, type Env } from '@/lib/env';
import { TrackingClient } from './client';

/**
 * Carrier tracking through 17TRACK: the API client (register, gettrackinfo, stoptrack), the
 * webhook's sign check and parser, and the rule that decides whether an update is newer than what
 * Ferry stored. Vendor payloads never leave this folder: callers get TrackingSnapshot/TrackingUpdate.
 */
export function trackingClient(env: Pick<Env, 'TRACKING_17TRACK_BASE_URL' | 'TRACKING_17TRACK_KEY'> = getEnv()): TrackingClient {
  return new TrackingClient({ baseUrl: env.TRACKING_17TRACK_BASE_URL, key: env.TRACKING_17TRACK_KEY });
}

/** The key 17TRACK's webhooks are signed with (the route passes it to readTrackingWebhook). */
export function trackingWebhookKey(env: Pick<Env, 'TRACKING_17TRACK_KEY'> = getEnv()): string {
  return env.TRACKING_17TRACK_KEY;
}

export { TrackingClient, TrackingServiceError, MAX_NUMBERS_PER_CALL, type NumberItem, type RegisterItem, type Rejection, type TrackingErrorCode } from './client';
export { decideTrackingUpdate, isNewerEventTime, type StoredTracking, type TrackingDecision } from './decide-update';
export { isValidTrackingSign, signTrackingWebhook } from './sign';
export { TRACKING_NUMBER_PATTERN } from './track-info';
export { parseTrackingWebhook, readTrackingWebhook, type TrackingWebhookResult } from './webhook-payload';
export * from './types';
