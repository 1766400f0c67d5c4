import type { TrackingStatus } from '@/lib/tracking/types';
import { shipmentFacts, type ShipmentFactType } from './facts';

/**
 * Which fact a move of a shipment's status tells, if any: the first move into transit, every move
 * into an exception (a delivery failure is one for the shopper: someone must act), and delivery
 * once — `wasDelivered` (the shipment's `delivered_at`) keeps a later, newer "Delivered" update
 * from telling it again.
 */
export function factForMove(from: TrackingStatus, to: TrackingStatus, wasDelivered: boolean): ShipmentFactType | null {
  if (from === to) return null;
  if (to === 'Delivered') return wasDelivered ? null : shipmentFacts.delivered;
  if (to === 'Exception' || to === 'DeliveryFailure') return shipmentFacts.exception;
  if (to === 'InTransit' && (from === 'NotFound' || from === 'InfoReceived')) return shipmentFacts.inTransit;
  return null;
}

/**
 * The carrier's statuses that need someone to act: an exception (lost, damaged, held, returning…),
 * a failed delivery attempt, or a tracking that expired without news. The parcel board's exceptions
 * tab lists shipments whose latest status is one of these.
 */
export const problemStatuses = ['Exception', 'DeliveryFailure', 'Expired'] as const satisfies readonly TrackingStatus[];
export type ProblemStatus = (typeof problemStatuses)[number];

export function isProblemStatus(status: TrackingStatus): status is ProblemStatus {
  return (problemStatuses as readonly TrackingStatus[]).includes(status);
}
