import { createHash } from 'node:crypto';
import { keyStages, statusOf } from './journey';
import { locationText, type Carrier, type Place } from './places';
import type { PlayedEvent, Tracking } from './trackings';

/**
 * A tracking as 17TRACK v2.2 describes it (`track_info`): latest status and event, time metrics,
 * milestones, and per provider (the carrier that took the parcel in China, then the destination's
 * last-mile carrier) its events, newest first. Times carry the local offset of where they happened.
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export function trackInfo(tracking: Tracking, now: number): Record<string, unknown> {
  const played = tracking.played;
  const latest = played.at(-1);
  // Expired is 17TRACK's own verdict after a long silence: the status changes, the latest event does not.
  const status = tracking.isExpired ? 'Expired' : latest ? statusOf(latest.step.subStatus) : 'NotFound';
  const { journey } = tracking;
  const byReporter = (reporter: 'origin' | 'lastMile') => played.filter((e) => e.step.reporter === reporter).reverse().map(eventJson);
  const providers = [
    ...(played.some((e) => e.step.reporter === 'lastMile') ? [providerJson(journey.destination.lastMile, byReporter('lastMile'), now)] : []),
    ...(played.length > 0 ? [providerJson(tracking.carrier, byReporter('origin'), now)] : []),
  ];
  const firstMove = played.find((e) => e.step.stage === 'PickedUp') ?? played[0];
  const delivered = played.find((e) => statusOf(e.step.subStatus) === 'Delivered');
  const remainingHours = tracking.pending.reduce((sum, step) => sum + step.afterHours, 0);
  const isOpen = !delivered && tracking.pending.length > 0 && !tracking.isStopped;
  return {
    shipping_info: {
      shipper_address: address(journey.steps[0]!.place),
      recipient_address: { ...address(journey.city), city: null, state: null },
    },
    latest_status: { status, sub_status: tracking.isExpired ? 'Expired_Other' : latest ? latest.step.subStatus : 'NotFound_Other', sub_status_descr: null },
    latest_event: latest ? eventJson(latest) : null,
    time_metrics: {
      days_after_order: Math.floor((now - tracking.registeredAt) / DAY_MS),
      days_of_transit: firstMove ? Math.floor(((delivered?.at ?? now) - firstMove.at) / DAY_MS) : 0,
      days_of_transit_done: delivered && firstMove ? Math.floor((delivered.at - firstMove.at) / DAY_MS) : 0,
      days_after_last_update: latest ? Math.floor((now - latest.at) / DAY_MS) : 0,
      estimated_delivery_date: {
        source: isOpen && latest ? '17TRACK' : null,
        from: isOpen && latest ? timeIso(now + remainingHours * 0.8 * HOUR_MS, journey.city) : null,
        to: isOpen && latest ? timeIso(now + remainingHours * 1.3 * HOUR_MS, journey.city) : null,
      },
    },
    milestone: keyStages.map((stage) => {
      const reached = played.find((e) => e.step.stage === stage);
      return reached
        ? { key_stage: stage, time_iso: timeIso(reached.at, reached.step.place), time_utc: timeUtc(reached.at), time_raw: timeRaw(reached.at, reached.step.place) }
        : { key_stage: stage, time_iso: null, time_utc: null, time_raw: { date: null, time: null, timezone: null } };
    }),
    misc_info: { risk_factor: 0, service_type: null, weight_raw: null, weight_kg: null, pieces: null, dimensions: null, customer_number: null, reference_number: null, local_number: null, local_provider: journey.destination.lastMile.name, local_key: journey.destination.lastMile.key },
    tracking: { providers_hash: hashOf(providers.map((p) => p.events_hash)), providers },
  };
}

function providerJson(carrier: Carrier, events: Record<string, unknown>[], now: number): Record<string, unknown> & { events_hash: number } {
  return {
    provider: { key: carrier.key, name: carrier.name, alias: carrier.name, tel: null, homepage: carrier.homepage, country: carrier.country },
    service_type: null,
    latest_sync_status: 'Success',
    latest_sync_time: timeUtc(now),
    events_hash: hashOf(events),
    events,
  };
}

function eventJson(event: PlayedEvent): Record<string, unknown> {
  const { step, at } = event;
  return {
    time_iso: timeIso(at, step.place),
    time_utc: timeUtc(at),
    time_raw: timeRaw(at, step.place),
    description: step.description,
    description_translation: null,
    location: locationText(step.place),
    stage: step.stage,
    sub_status: step.subStatus,
    address: address(step.place),
  };
}

function address(place: Place): Record<string, unknown> {
  return { country: place.country, state: place.state, city: place.city, street: null, postal_code: null, coordinates: { longitude: null, latitude: null } };
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function local(at: number, place: Place): { date: string; time: string; timezone: string } {
  const shifted = new Date(at + place.utcOffsetMinutes * 60_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 19), timezone: offsetText(place.utcOffsetMinutes) };
}

export function timeIso(at: number, place: Place): string {
  const { date, time, timezone } = local(at, place);
  return `${date}T${time}${timezone}`;
}

const timeUtc = (at: number) => `${new Date(at).toISOString().slice(0, 19)}Z`;
const timeRaw = (at: number, place: Place) => local(at, place);

/** A stable number standing for a list's content, as 17TRACK's `*_hash` fields do. */
function hashOf(value: unknown): number {
  return createHash('sha256').update(JSON.stringify(value)).digest().readInt32BE(0);
}
