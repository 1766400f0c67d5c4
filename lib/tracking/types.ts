/**
 * Ferry's view of a carrier tracking, whatever the aggregator: 17TRACK's statuses (the contract
 * names them), events as Ferry stores and shows them, newest first.
 */
export const trackingStatuses = ['NotFound', 'InfoReceived', 'InTransit', 'Expired', 'AvailableForPickup', 'OutForDelivery', 'DeliveryFailure', 'Delivered', 'Exception'] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];

export type TrackingEvent = {
  at: Date;
  status: TrackingStatus;
  /** 17TRACK's sub-status, e.g. `InTransit_Arrival`, `Exception_Delayed`. */
  subStatus: string;
  description: string;
  location: string | null;
};

export type TrackingSnapshot = {
  number: string;
  /** 17TRACK's carrier key (e.g. 3011 China Post), when known. */
  carrier: number | null;
  /** What Ferry registered the number with (`tag`), e.g. the parcel number. */
  tag: string | null;
  status: TrackingStatus;
  subStatus: string;
  /** Time of the newest event; null before the carrier has reported anything. */
  latestEventAt: Date | null;
  /** Newest first. */
  events: TrackingEvent[];
};

export type TrackingWebhookEvent = 'TRACKING_UPDATED' | 'TRACKING_STOPPED';

export type TrackingUpdate = TrackingSnapshot & { event: TrackingWebhookEvent };

export function isTrackingStatus(value: unknown): value is TrackingStatus {
  return typeof value === 'string' && (trackingStatuses as readonly string[]).includes(value);
}

/** A sub-status's status: the part before `_` (`InfoReceived` has none). */
export function statusOfSubStatus(subStatus: string): TrackingStatus | null {
  const head = subStatus.split('_')[0];
  return isTrackingStatus(head) ? head : null;
}
