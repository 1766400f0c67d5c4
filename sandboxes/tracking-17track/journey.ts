import { destinations, originCarriers, origins, type Carrier, type Destination, type Place } from './places';
import { hashString, seededRandom } from './prng';

/**
 * A parcel's whole carrier journey, planned from its tracking number alone: the same number
 * always gets the same carrier, destination, route, timings and mishaps. The sandbox plays the
 * steps one by one on its clock (trackings.ts); nothing here knows about time passing.
 */
export const trackingStatuses = ['NotFound', 'InfoReceived', 'InTransit', 'Expired', 'AvailableForPickup', 'OutForDelivery', 'DeliveryFailure', 'Delivered', 'Exception'] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];

/** 17TRACK's key stages (`milestone[].key_stage`, an event's `stage`). */
export const keyStages = ['InfoReceived', 'PickedUp', 'Departure', 'Arrival', 'AvailableForPickup', 'OutForDelivery', 'Delivered', 'Returning', 'Returned'] as const;
export type KeyStage = (typeof keyStages)[number];

export const exceptionSubStatuses = ['Exception_Other', 'Exception_Returning', 'Exception_Returned', 'Exception_NoBody', 'Exception_Security', 'Exception_Damage', 'Exception_Rejected', 'Exception_Delayed', 'Exception_Lost', 'Exception_Destroyed', 'Exception_Cancel'] as const;
export const deliveryFailureSubStatuses = ['DeliveryFailure_Other', 'DeliveryFailure_NoBody', 'DeliveryFailure_Security', 'DeliveryFailure_Rejected', 'DeliveryFailure_InvalidAddress'] as const;

export type JourneyStep = {
  /** 17TRACK sub-status, e.g. `InTransit_PickedUp`; its status is the part before `_`. */
  subStatus: string;
  stage: KeyStage | null;
  description: string;
  place: Place;
  /** Simulated hours after the previous step (the first: after registration). */
  afterHours: number;
  /** Who reports it: the carrier that took it in China, or the destination's last-mile carrier. */
  reporter: 'origin' | 'lastMile';
};

export type Mishap = 'none' | 'delayed' | 'customs_hold' | 'failed_delivery';

export type Journey = { carrier: Carrier; destination: Destination; city: Place; mishap: Mishap; steps: JourneyStep[] };

export function statusOf(subStatus: string): TrackingStatus {
  const status = subStatus.split('_')[0] as TrackingStatus;
  return trackingStatuses.includes(status) ? status : 'NotFound';
}

const carriersByKey = new Map(originCarriers.map((c) => [c.key, c]));
// Carriers Ferry's lines may name that do not start in Guangdong's postal network.
const otherCarriers: readonly Carrier[] = [
  { key: 100001, name: 'DHL Express', country: 'DE', homepage: 'https://www.dhl.com/' },
  { key: 100002, name: 'UPS', country: 'US', homepage: 'https://www.ups.com/' },
  { key: 100003, name: 'FedEx', country: 'US', homepage: 'https://www.fedex.com/' },
  { key: 3013, name: 'China EMS', country: 'CN', homepage: 'https://www.ems.com.cn/' },
];
for (const c of otherCarriers) carriersByKey.set(c.key, c);

/** The carrier a registration names; an integer 17TRACK has never listed still tracks, under a generic name. */
export function carrierByKey(key: number): Carrier {
  return carriersByKey.get(key) ?? { key, name: `Carrier ${key}`, country: 'CN', homepage: '' };
}

/** What 17TRACK's auto-detection would pick for a number, or null when nothing fits (short all-digit numbers). */
export function detectCarrier(number: string): Carrier | null {
  const n = number.toUpperCase();
  if (/^\d{1,9}$/.test(n)) return null;
  if (/^[A-Z]{2}\d{9}CN$/.test(n)) return carrierByKey(3011);
  if (n.startsWith('YT')) return carrierByKey(190008);
  if (n.startsWith('4PX')) return carrierByKey(190094);
  if (n.startsWith('LP') || n.startsWith('CNG')) return carrierByKey(190271);
  if (n.startsWith('UG') || n.startsWith('YW')) return carrierByKey(190012);
  return originCarriers[hashString(`carrier:${n}`) % originCarriers.length] as Carrier;
}

export function planJourney(number: string, carrier: Carrier): Journey {
  const random = seededRandom(`journey:${number.toUpperCase()}`);
  const hours = (min: number, max: number) => Math.round((min + random.next() * (max - min)) * 60) / 60;
  const destination = random.pick(destinations);
  const city = random.pick(destination.cities);
  const roll = random.next();
  const mishap: Mishap = roll < 0.04 ? 'delayed' : roll < 0.07 ? 'customs_hold' : roll < 0.11 ? 'failed_delivery' : 'none';
  const sorting = random.pick(origins.sorting);
  const departure = random.pick(origins.departure);
  const steps: JourneyStep[] = [];
  const step = (subStatus: string, stage: KeyStage | null, description: string, place: Place, afterHours: number, reporter: JourneyStep['reporter'] = 'origin') =>
    steps.push({ subStatus, stage, description, place, afterHours, reporter });

  step('InfoReceived', 'InfoReceived', 'Shipment information received: the sender has created the label', origins.warehouse, hours(0.5, 2));
  step('InTransit_PickedUp', 'PickedUp', `Picked up by ${carrier.name}`, random.pick(origins.pickup), hours(3, 12));
  step('InTransit_Other', null, 'Arrived at the sorting centre', sorting, hours(2, 8));
  if (mishap === 'delayed') step('Exception_Delayed', null, 'Delayed: waiting for space on a flight', sorting, hours(12, 36));
  step('InTransit_Other', null, 'Handed over to the airline', departure, hours(4, 16));
  step('InTransit_Departure', 'Departure', 'Departed from the origin country', departure, hours(6, 24));
  step('InTransit_Arrival', 'Arrival', 'Arrived in the destination country', destination.gateway, hours(14, 48));
  step('InTransit_CustomsProcessing', null, 'Import customs clearance in progress', destination.gateway, hours(2, 8), 'lastMile');
  if (mishap === 'customs_hold') {
    step('InTransit_CustomsRequiringInformation', null, 'Held by customs: the recipient must provide more information', destination.gateway, hours(4, 12), 'lastMile');
    step('InTransit_CustomsReleased', null, 'Released by customs', destination.gateway, hours(24, 72), 'lastMile');
  } else {
    step('InTransit_CustomsReleased', null, 'Released by customs', destination.gateway, hours(4, 24), 'lastMile');
  }
  step('InTransit_Other', null, 'Arrived at the local delivery office', city, hours(8, 30), 'lastMile');
  step('OutForDelivery_Other', 'OutForDelivery', 'Out for delivery', city, hours(6, 20), 'lastMile');
  if (mishap === 'failed_delivery') {
    step('DeliveryFailure_NoBody', null, 'Delivery attempted: nobody was available to receive the parcel', city, hours(2, 8), 'lastMile');
    step('OutForDelivery_Other', 'OutForDelivery', 'Out for delivery (second attempt)', city, hours(16, 26), 'lastMile');
  }
  step('Delivered_Other', 'Delivered', 'Delivered', city, hours(1, 6), 'lastMile');
  return { carrier, destination, city, mishap, steps };
}

/** `expired`: 17TRACK stops expecting news (no carrier event; trackings.ts marks the tracking, breakJourney is not asked). */
export type BreakKind = 'exception' | 'failed_delivery' | 'lost' | 'expired';

/** Mishaps after which the parcel goes nowhere (no delivery follows). */
const terminalExceptions = new Set(['Exception_Lost', 'Exception_Returned', 'Exception_Destroyed', 'Exception_Cancel']);

const mishapDescriptions: Record<string, string> = {
  Exception_Other: 'Exception: the carrier reported a problem with the shipment',
  Exception_Returning: 'Returning to the sender',
  Exception_Returned: 'Returned to the sender',
  Exception_NoBody: 'Exception: the recipient could not be reached',
  Exception_Security: 'Held for a security inspection',
  Exception_Damage: 'The parcel was damaged in transit',
  Exception_Rejected: 'The recipient refused the parcel',
  Exception_Delayed: 'Delayed: the shipment is behind schedule',
  Exception_Lost: 'The parcel has been reported lost',
  Exception_Destroyed: 'The parcel was destroyed',
  Exception_Cancel: 'The shipment was cancelled by the sender',
  DeliveryFailure_Other: 'Delivery attempt failed',
  DeliveryFailure_NoBody: 'Delivery attempted: nobody was available to receive the parcel',
  DeliveryFailure_Security: 'Delivery failed: the address could not be accessed safely',
  DeliveryFailure_Rejected: 'Delivery failed: the recipient refused the parcel',
  DeliveryFailure_InvalidAddress: 'Delivery failed: the address is incomplete or wrong',
};

/**
 * A mishap forced through the control API: the step to play now and what follows it. An
 * exception keeps the rest of the journey (the parcel recovers) unless it ends the journey (lost,
 * returned, destroyed, cancelled; returning ends in returned), a failed delivery is followed by a
 * second attempt.
 */
export function breakJourney(journey: Journey, kind: Exclude<BreakKind, 'expired'>, at: Place, remaining: readonly JourneyStep[], subStatus?: string): { now: JourneyStep; then: JourneyStep[] } {
  const fallback = kind === 'lost' ? 'Exception_Lost' : kind === 'exception' ? 'Exception_Other' : 'DeliveryFailure_Other';
  const chosen = subStatus ?? fallback;
  const allowed: readonly string[] = kind === 'failed_delivery' ? deliveryFailureSubStatuses : exceptionSubStatuses;
  if (!allowed.includes(chosen)) throw new RangeError(`subStatus for ${kind} must be one of ${allowed.join(', ')}`);
  const reporter = kind === 'failed_delivery' || at.country !== 'CN' ? 'lastMile' : 'origin';
  const stage: KeyStage | null = chosen === 'Exception_Returning' ? 'Returning' : chosen === 'Exception_Returned' ? 'Returned' : null;
  const now: JourneyStep = { subStatus: chosen, stage, description: mishapDescriptions[chosen] as string, place: kind === 'failed_delivery' ? journey.city : at, afterHours: 0, reporter };
  if (terminalExceptions.has(chosen)) return { now, then: [] };
  if (chosen === 'Exception_Returning') return { now, then: [{ ...now, subStatus: 'Exception_Returned', stage: 'Returned', description: mishapDescriptions.Exception_Returned as string, place: origins.warehouse, afterHours: 96, reporter: 'origin' }] };
  if (kind === 'exception') return { now, then: [...remaining] };
  const retry = (subStatusNext: string, stage: KeyStage, description: string, afterHours: number): JourneyStep => ({ subStatus: subStatusNext, stage, description, place: journey.city, afterHours, reporter: 'lastMile' });
  return { now, then: [retry('OutForDelivery_Other', 'OutForDelivery', 'Out for delivery (second attempt)', 20), retry('Delivered_Other', 'Delivered', 'Delivered', 3)] };
}
