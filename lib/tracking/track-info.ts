import { z } from 'zod';
import { isTrackingStatus, statusOfSubStatus, type TrackingEvent, type TrackingSnapshot, type TrackingStatus } from './types';

/**
 * 17TRACK's `track_info` (in webhooks and gettrackinfo answers) reshaped into Ferry's snapshot.
 * Lenient where 17TRACK varies (extra fields, nulls, several providers, an event without a time
 * is left out), strict where Ferry relies on it (the number). Every provider's events are merged,
 * de-duplicated and sorted newest first; text is capped so a payload cannot bloat a row.
 */
export const TRACKING_NUMBER_PATTERN = /^[A-Za-z0-9-]{5,50}$/;
const MAX_EVENTS = 300;
const MAX_DESCRIPTION = 500;
const MAX_LOCATION = 200;

const text = z.string().nullish().catch(null);

const eventSchema = z.object({
  time_iso: text,
  time_utc: text,
  description: text,
  location: text,
  stage: text,
  sub_status: text,
});

const trackInfoSchema = z
  .object({
    latest_status: z.object({ status: text, sub_status: text }).nullish().catch(null),
    latest_event: z.unknown().optional(),
    tracking: z
      .object({ providers: z.array(z.object({ events: z.array(z.unknown()).nullish().catch(null) }).catch({ events: null })).nullish().catch(null) })
      .nullish()
      .catch(null),
  })
  .nullish()
  .catch(null);

export const trackingDataSchema = z.object({
  number: z.string().trim().regex(TRACKING_NUMBER_PATTERN),
  carrier: z.number().int().nonnegative().nullish().catch(null),
  tag: z.string().max(100).nullish().catch(null),
  track_info: z.unknown().optional(),
});

export type TrackingData = z.infer<typeof trackingDataSchema>;

// 17TRACK's key stages, for events that carry a stage but no sub-status.
const stageStatus: Record<string, TrackingStatus> = {
  InfoReceived: 'InfoReceived',
  PickedUp: 'InTransit',
  Departure: 'InTransit',
  Arrival: 'InTransit',
  AvailableForPickup: 'AvailableForPickup',
  OutForDelivery: 'OutForDelivery',
  Delivered: 'Delivered',
  Returning: 'Exception',
  Returned: 'Exception',
};

export function reshapeTracking(data: TrackingData): TrackingSnapshot {
  const info = trackInfoSchema.parse(data.track_info);
  const raw: unknown[] = [];
  for (const provider of info?.tracking?.providers ?? []) raw.push(...(provider.events ?? []));
  if (info?.latest_event) raw.push(info.latest_event);

  const seen = new Set<string>();
  const events: TrackingEvent[] = [];
  for (const candidate of raw) {
    const event = reshapeEvent(candidate);
    if (!event) continue;
    const key = `${event.at.getTime()}|${event.subStatus}|${event.description}|${event.location ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    events.push(event);
  }
  events.sort((a, b) => b.at.getTime() - a.at.getTime());
  events.length = Math.min(events.length, MAX_EVENTS);

  const newest = events[0];
  const latestStatus = info?.latest_status?.status;
  const status: TrackingStatus = isTrackingStatus(latestStatus) ? latestStatus : (newest?.status ?? 'NotFound');
  const latestSub = info?.latest_status?.sub_status;
  const subStatus = typeof latestSub === 'string' && statusOfSubStatus(latestSub) === status ? latestSub : newest?.status === status ? newest.subStatus : subStatusFallback(status);
  return { number: data.number, carrier: data.carrier ?? null, tag: data.tag ?? null, status, subStatus, latestEventAt: newest?.at ?? null, events };
}

function reshapeEvent(candidate: unknown): TrackingEvent | null {
  const parsed = eventSchema.safeParse(candidate);
  if (!parsed.success) return null;
  const e = parsed.data;
  const at = parseEventTime(e.time_utc) ?? parseEventTime(e.time_iso);
  if (!at) return null;
  const fromSub = e.sub_status ? statusOfSubStatus(e.sub_status) : null;
  const status = fromSub ?? (e.stage ? stageStatus[e.stage] : undefined) ?? 'InTransit';
  return {
    at,
    status,
    subStatus: fromSub && e.sub_status ? e.sub_status.slice(0, 60) : subStatusFallback(status),
    description: (e.description ?? '').trim().slice(0, MAX_DESCRIPTION),
    location: e.location?.trim() ? e.location.trim().slice(0, MAX_LOCATION) : null,
  };
}

const subStatusFallback = (status: TrackingStatus) => (status === 'InfoReceived' ? 'InfoReceived' : `${status}_Other`);

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An ISO time from 17TRACK. Without an offset it is read as UTC (never as this server's zone);
 * anything else, or a year outside 2000–2100, is no time at all.
 */
export function parseEventTime(value: string | null | undefined): Date | null {
  if (!value || !ISO_TIME.test(value)) return null;
  const hasZone = /(Z|[+-]\d{2}:\d{2})$/.test(value);
  const at = new Date(hasZone ? value : `${value}Z`);
  const year = at.getUTCFullYear();
  return Number.isNaN(at.getTime()) || year < 2000 || year > 2100 ? null : at;
}
