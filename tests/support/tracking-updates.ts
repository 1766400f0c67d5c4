import { signTrackingWebhook } from '@/lib/tracking/sign';

/** A carrier's journey as 17TRACK reports it, for building webhooks in tests and the benchmark. */
export type JourneyEvent = { at: string; subStatus: string; description: string; location: string | null };

export const demoJourney = (startIso = '2025-03-01T01:00:00.000Z'): JourneyEvent[] => {
  const t = (hours: number) => new Date(Date.parse(startIso) + hours * 3_600_000).toISOString();
  return [
    { at: t(0), subStatus: 'InfoReceived', description: 'Shipment information received', location: 'Guangzhou, CN' },
    { at: t(5), subStatus: 'InTransit_PickedUp', description: 'Picked up by China Post', location: 'Guangzhou, CN' },
    { at: t(20), subStatus: 'InTransit_Departure', description: 'Departed from the origin country', location: 'Guangzhou Baiyun, CN' },
    { at: t(50), subStatus: 'InTransit_Arrival', description: 'Arrived in the destination country', location: 'Tokyo Narita, JP' },
    { at: t(56), subStatus: 'InTransit_CustomsProcessing', description: 'Import customs clearance in progress', location: 'Tokyo Narita, JP' },
    { at: t(70), subStatus: 'InTransit_CustomsReleased', description: 'Released by customs', location: 'Tokyo Narita, JP' },
    { at: t(90), subStatus: 'OutForDelivery_Other', description: 'Out for delivery', location: 'Osaka, JP' },
    { at: t(95), subStatus: 'Delivered_Other', description: 'Delivered', location: 'Osaka, JP' },
  ];
};

/**
 * The body 17TRACK would send when the journey has reached its `upTo`-th event (1-based): every
 * event so far, newest first, in one provider.
 */
export function trackingBody(number: string, journey: readonly JourneyEvent[], upTo: number, event: 'TRACKING_UPDATED' | 'TRACKING_STOPPED' = 'TRACKING_UPDATED'): string {
  const events = journey
    .slice(0, upTo)
    .map((e) => ({ time_iso: e.at, time_utc: e.at, description: e.description, location: e.location, stage: null, sub_status: e.subStatus }))
    .reverse();
  const latest = events[0];
  const status = latest ? latest.sub_status.split('_')[0] : 'NotFound';
  return JSON.stringify({
    event,
    data: {
      number,
      carrier: 3011,
      param: null,
      tag: null,
      track_info: {
        latest_status: { status, sub_status: latest?.sub_status ?? 'NotFound_Other', sub_status_descr: null },
        latest_event: latest ?? null,
        tracking: { providers_hash: upTo, providers: [{ provider: { key: 3011, name: 'China Post', country: 'CN' }, events }] },
      },
    },
  });
}

export const signBody = (body: string, key: string) => signTrackingWebhook(body, key);
