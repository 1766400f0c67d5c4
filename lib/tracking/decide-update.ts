import type { TrackingStatus, TrackingUpdate } from './types';

/**
 * Whether a tracking update may change what Ferry stored. 17TRACK's webhooks arrive at least once
 * and in any order, so the newest latest-event time wins: an update whose newest event is not
 * strictly newer than the stored one (a duplicate, a late older copy) changes no event or status.
 * TRACKING_STOPPED only marks the tracking stopped: its status and events stay as they were, readable.
 */
export type StoredTracking = { latestEventAt: Date | null; isStopped: boolean; status?: TrackingStatus };

export type TrackingDecision = {
  /** Replace the stored status and events with the update's. */
  isNewer: boolean;
  /** Mark the tracking stopped (it was not yet). */
  stops: boolean;
};

export function decideTrackingUpdate(stored: StoredTracking | null, update: Pick<TrackingUpdate, 'event' | 'latestEventAt'> & { status?: TrackingStatus }): TrackingDecision {
  return {
    isNewer: isNewerEventTime(stored?.latestEventAt ?? null, update.latestEventAt) || isExpiry(stored, update),
    stops: update.event === 'TRACKING_STOPPED' && !(stored?.isStopped ?? false),
  };
}

export function isNewerEventTime(stored: Date | null, incoming: Date | null): boolean {
  if (incoming === null || Number.isNaN(incoming.getTime())) return false;
  return stored === null || incoming.getTime() > stored.getTime();
}

/**
 * 17TRACK's `Expired` is its own verdict after a long silence: it comes with no new carrier event,
 * so the newest event time ties. Such an update still moves the status (it can only follow the
 * update that brought that event), once; a late copy of the earlier status, tying too, does not undo it.
 */
function isExpiry(stored: StoredTracking | null, update: { latestEventAt: Date | null; status?: TrackingStatus }): boolean {
  if (update.status !== 'Expired' || !stored?.status || stored.status === 'Expired' || stored.status === 'Delivered') return false;
  return stored.latestEventAt !== null && update.latestEventAt !== null && stored.latestEventAt.getTime() === update.latestEventAt.getTime();
}
