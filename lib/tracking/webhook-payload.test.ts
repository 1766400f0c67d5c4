import { describe, expect, it } from 'vitest';
import { signTrackingWebhook } from './sign';
import { parseEventTime } from './track-info';
import { parseTrackingWebhook, readTrackingWebhook } from './webhook-payload';

const key = 'ferry-test-17track-key';

const event = (time_iso: string, sub_status: string, description: string, location: string | null, stage: string | null = null) => ({
  time_iso,
  time_utc: new Date(time_iso).toISOString().replace('.000', ''),
  time_raw: { date: time_iso.slice(0, 10), time: time_iso.slice(11, 19), timezone: time_iso.slice(19) },
  description,
  description_translation: null,
  location,
  stage,
  sub_status,
  address: { country: null, state: null, city: null, street: null, postal_code: null, coordinates: { longitude: null, latitude: null } },
});

const arrival = event('2025-03-04T06:10:00+00:00', 'InTransit_Arrival', 'Arrived in the destination country', 'London Heathrow, GB', 'Arrival');
const outForDelivery = event('2025-03-05T09:00:00+00:00', 'OutForDelivery_Other', 'Out for delivery', 'Manchester, GB', 'OutForDelivery');

/** A webhook shaped like 17TRACK's documented example: two providers, every field 17TRACK sends. */
function payload(overrides: Record<string, unknown> = {}) {
  return {
    event: 'TRACKING_UPDATED',
    data: {
      number: 'RR123456789CN',
      carrier: 3011,
      param: null,
      tag: 'FP-2025-000042',
      track_info: {
        shipping_info: { shipper_address: { country: 'CN' }, recipient_address: { country: 'GB' } },
        latest_status: { status: 'OutForDelivery', sub_status: 'OutForDelivery_Other', sub_status_descr: null },
        latest_event: outForDelivery,
        time_metrics: { days_after_order: 5, days_of_transit: 4, days_of_transit_done: 0, days_after_last_update: 0, estimated_delivery_date: { source: '17TRACK', from: null, to: null } },
        milestone: [{ key_stage: 'InfoReceived', time_iso: '2025-03-01T09:00:00+08:00', time_utc: '2025-03-01T01:00:00Z' }],
        misc_info: { risk_factor: 0 },
        tracking: {
          providers_hash: 123456,
          providers: [
            { provider: { key: 11031, name: 'Royal Mail', country: 'GB' }, latest_sync_status: 'Success', events_hash: 1, events: [outForDelivery, arrival] },
            {
              provider: { key: 3011, name: 'China Post', country: 'CN' },
              latest_sync_status: 'Success',
              events_hash: 2,
              events: [
                arrival,
                event('2025-03-02T22:40:00+08:00', 'InTransit_Departure', 'Departed from the origin country', 'Guangzhou, Guangdong, CN', 'Departure'),
                event('2025-03-01T15:20:00+08:00', 'InTransit_PickedUp', 'Picked up by China Post', 'Shenzhen, Guangdong, CN', 'PickedUp'),
                event('2025-03-01T09:00:00+08:00', 'InfoReceived', 'Shipment information received', 'Shenzhen, Guangdong, CN', 'InfoReceived'),
              ],
            },
          ],
        },
        future_field: { anything: true },
      },
      ...overrides,
    },
  };
}

describe('17TRACK webhook payload', () => {
  it('reshapes a signed update: every provider merged, duplicates dropped, newest first', () => {
    const body = JSON.stringify(payload());
    const result = readTrackingWebhook(body, signTrackingWebhook(body, key), key);
    if (!result.ok) throw new Error(result.message);
    const { update } = result;
    expect(update).toMatchObject({ event: 'TRACKING_UPDATED', number: 'RR123456789CN', carrier: 3011, tag: 'FP-2025-000042', status: 'OutForDelivery', subStatus: 'OutForDelivery_Other' });
    expect(update.latestEventAt?.toISOString()).toBe('2025-03-05T09:00:00.000Z');
    expect(update.events.map((e) => e.subStatus)).toEqual(['OutForDelivery_Other', 'InTransit_Arrival', 'InTransit_Departure', 'InTransit_PickedUp', 'InfoReceived']);
    expect(update.events.map((e) => e.status)).toEqual(['OutForDelivery', 'InTransit', 'InTransit', 'InTransit', 'InfoReceived']);
    expect(update.events[2]).toEqual({ at: new Date('2025-03-02T14:40:00Z'), status: 'InTransit', subStatus: 'InTransit_Departure', description: 'Departed from the origin country', location: 'Guangzhou, Guangdong, CN' });
  });

  it('refuses a forged or missing sign before reading the body', () => {
    const body = JSON.stringify(payload());
    expect(readTrackingWebhook(body, signTrackingWebhook(body, 'someone-elses-key'), key)).toMatchObject({ ok: false, reason: 'bad_sign' });
    expect(readTrackingWebhook(body, null, key)).toMatchObject({ ok: false, reason: 'bad_sign' });
    const tampered = body.replace('OutForDelivery_Other', 'Delivered_Other');
    expect(readTrackingWebhook(tampered, signTrackingWebhook(body, key), key)).toMatchObject({ ok: false, reason: 'bad_sign' });
    // Even a body that is not JSON is a sign failure first.
    expect(readTrackingWebhook('not json', 'ab'.repeat(32), key)).toMatchObject({ ok: false, reason: 'bad_sign' });
  });

  it('refuses, correctly signed, what Ferry cannot act on: no JSON, unknown event, no or bad number', () => {
    const signed = (value: unknown) => {
      const body = typeof value === 'string' ? value : JSON.stringify(value);
      return readTrackingWebhook(body, signTrackingWebhook(body, key), key);
    };
    expect(signed('{"event":')).toMatchObject({ ok: false, reason: 'bad_payload' });
    expect(signed([payload()])).toMatchObject({ ok: false, reason: 'bad_payload' });
    expect(signed({ ...payload(), event: 'TRACKING_DELETED' })).toMatchObject({ ok: false, reason: 'bad_payload' });
    expect(signed({ event: 'TRACKING_UPDATED' })).toMatchObject({ ok: false, reason: 'bad_payload', message: expect.stringContaining('data') });
    expect(signed(payload({ number: undefined }))).toMatchObject({ ok: false, reason: 'bad_payload', message: expect.stringContaining('data.number') });
    expect(signed(payload({ number: 42 }))).toMatchObject({ ok: false, reason: 'bad_payload' });
    expect(signed(payload({ number: "RR1'; DROP TABLE parcels;--" }))).toMatchObject({ ok: false, reason: 'bad_payload' });
    expect(signed(payload({ number: 'X'.repeat(51) }))).toMatchObject({ ok: false, reason: 'bad_payload' });
  });

  it('takes a stop without track_info: no events, stopped', () => {
    const result = parseTrackingWebhook(JSON.stringify({ event: 'TRACKING_STOPPED', data: { number: 'RR123456789CN', carrier: 3011 } }));
    expect(result).toEqual({ ok: true, update: { event: 'TRACKING_STOPPED', number: 'RR123456789CN', carrier: 3011, tag: null, status: 'NotFound', subStatus: 'NotFound_Other', latestEventAt: null, events: [] } });
  });

  it('survives odd but honest payloads: nulls, wrong types in optional fields, events without a time', () => {
    const body = payload({
      carrier: 'china post',
      tag: { nested: true },
      track_info: {
        latest_status: { status: 'SomethingNew', sub_status: 17 },
        latest_event: null,
        tracking: {
          providers: [
            { events: null },
            'not a provider',
            { events: [{ time_iso: null, description: 'no time' }, { time_iso: 'yesterday', description: 'bad time' }, 'junk', { time_iso: '2025-03-06T10:00:00', sub_status: null, stage: 'Delivered', description: null, location: '  ' }] },
          ],
        },
      },
    });
    const result = parseTrackingWebhook(JSON.stringify(body));
    if (!result.ok) throw new Error(result.message);
    expect(result.update).toMatchObject({ carrier: null, tag: null, status: 'Delivered', subStatus: 'Delivered_Other' });
    expect(result.update.events).toEqual([{ at: new Date('2025-03-06T10:00:00Z'), status: 'Delivered', subStatus: 'Delivered_Other', description: '', location: null }]);
  });

  it('believes latest_status only where it agrees with its sub-status, and caps what it keeps', () => {
    const long = 'x'.repeat(5_000);
    const body = payload({
      track_info: {
        latest_status: { status: 'Delivered', sub_status: 'Exception_Lost' },
        tracking: { providers: [{ events: [event('2025-03-06T10:00:00+01:00', 'Delivered_Other', long, long, 'Delivered')] }] },
      },
    });
    const result = parseTrackingWebhook(JSON.stringify(body));
    if (!result.ok) throw new Error(result.message);
    expect(result.update).toMatchObject({ status: 'Delivered', subStatus: 'Delivered_Other' });
    expect(result.update.events[0]?.description).toHaveLength(500);
    expect(result.update.events[0]?.location).toHaveLength(200);
  });
});

describe('parseEventTime', () => {
  it('reads offsets and Z, and a time without a zone as UTC (never the server zone)', () => {
    expect(parseEventTime('2025-03-01T09:00:00+08:00')?.toISOString()).toBe('2025-03-01T01:00:00.000Z');
    expect(parseEventTime('2025-03-01T01:00:00Z')?.toISOString()).toBe('2025-03-01T01:00:00.000Z');
    expect(parseEventTime('2025-03-01T01:00')?.toISOString()).toBe('2025-03-01T01:00:00.000Z');
  });

  it('gives no time for anything else', () => {
    for (const value of [null, undefined, '', '2025-03-01', '03/01/2025 09:00', '2025-13-01T00:00:00Z', '1970-01-01T00:00:00Z', '9999-01-01T00:00:00Z']) {
      expect(parseEventTime(value)).toBeNull();
    }
  });
});
