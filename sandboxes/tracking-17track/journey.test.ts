import { describe, expect, it } from 'vitest';
import { breakJourney, carrierByKey, detectCarrier, planJourney, statusOf, type Journey, type TrackingStatus } from './journey';

const numbers = Array.from({ length: 2_000 }, (_, i) => `LX${String(100_000_000 + i * 7919).slice(0, 9)}CN`);
const journeyOf = (number: string) => planJourney(number, detectCarrier(number)!);
const statuses = (journey: Journey) => journey.steps.map((s) => statusOf(s.subStatus));

// A parcel's progress: mishaps sit between the stages they interrupt and never count as progress.
const rank: Partial<Record<TrackingStatus, number>> = { InfoReceived: 0, InTransit: 1, OutForDelivery: 2, Delivered: 3 };

describe('carrier journeys', () => {
  it('are the same for the same number, whatever else was planned before', () => {
    const first = journeyOf('LX123456789CN');
    for (const n of numbers.slice(0, 50)) journeyOf(n);
    expect(journeyOf('LX123456789CN')).toEqual(first);
    expect(journeyOf('lx123456789cn')).toEqual(first);
    expect(journeyOf('LX123456780CN')).not.toEqual(first);
  });

  it('go InfoReceived → InTransit (picked up, departed, arrived, customs) → OutForDelivery → Delivered, never backwards', () => {
    for (const n of numbers) {
      const journey = journeyOf(n);
      const subs = journey.steps.map((s) => s.subStatus);
      expect(subs[0]).toBe('InfoReceived');
      expect(subs.at(-1)).toBe('Delivered_Other');
      expect(subs.indexOf('InTransit_PickedUp')).toBeLessThan(subs.indexOf('InTransit_Departure'));
      expect(subs.indexOf('InTransit_Departure')).toBeLessThan(subs.indexOf('InTransit_Arrival'));
      expect(subs.indexOf('InTransit_Arrival')).toBeLessThan(subs.indexOf('InTransit_CustomsProcessing'));
      expect(subs.indexOf('InTransit_CustomsProcessing')).toBeLessThan(subs.indexOf('InTransit_CustomsReleased'));
      expect(subs.indexOf('InTransit_CustomsReleased')).toBeLessThan(subs.indexOf('OutForDelivery_Other'));
      const ranks = statuses(journey).map((s) => rank[s]).filter((r) => r !== undefined);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(journey.steps.every((s) => s.afterHours > 0 && s.afterHours <= 72)).toBe(true);
    }
  });

  it('travel from Guangdong to the destination: origin carrier until arrival, the last mile after', () => {
    const journey = journeyOf('LX123456789CN');
    const arrival = journey.steps.findIndex((s) => s.subStatus === 'InTransit_Arrival');
    expect(journey.steps.slice(0, arrival).every((s) => s.place.country === 'CN' && s.place.state === 'Guangdong' && s.reporter === 'origin')).toBe(true);
    expect(journey.steps.slice(arrival).every((s) => s.place.country === journey.destination.country)).toBe(true);
    expect(journey.steps.at(-1)).toMatchObject({ place: journey.city, reporter: 'lastMile', stage: 'Delivered' });
    expect(journey.steps.every((s) => /^[A-Z][A-Za-z ,():-]+$/.test(s.description))).toBe(true);
  });

  it('give about one parcel in ten a mishap: a delay, a customs hold, or a failed delivery and a second attempt', () => {
    const byMishap = new Map<string, Journey[]>();
    for (const n of numbers) {
      const journey = journeyOf(n);
      byMishap.set(journey.mishap, [...(byMishap.get(journey.mishap) ?? []), journey]);
    }
    const share = (mishap: string) => (byMishap.get(mishap)?.length ?? 0) / numbers.length;
    expect(1 - share('none')).toBeGreaterThan(0.07);
    expect(1 - share('none')).toBeLessThan(0.15);
    for (const mishap of ['delayed', 'customs_hold', 'failed_delivery']) expect(share(mishap)).toBeGreaterThan(0.01);

    const delayed = byMishap.get('delayed')![0]!;
    expect(statuses(delayed)).toContain('Exception');
    expect(delayed.steps.find((s) => statusOf(s.subStatus) === 'Exception')?.subStatus).toBe('Exception_Delayed');
    const hold = byMishap.get('customs_hold')![0]!.steps.map((s) => s.subStatus);
    expect(hold.indexOf('InTransit_CustomsRequiringInformation')).toBeLessThan(hold.indexOf('InTransit_CustomsReleased'));
    const failed = byMishap.get('failed_delivery')![0]!.steps.map((s) => s.subStatus);
    expect(failed.slice(-4)).toEqual(['OutForDelivery_Other', 'DeliveryFailure_NoBody', 'OutForDelivery_Other', 'Delivered_Other']);
    for (const journey of byMishap.get('none')!.slice(0, 100)) expect(statuses(journey)).not.toContain('Exception');
  });

  it('pick a carrier as 17TRACK would detect it, and refuse to guess short all-digit numbers', () => {
    expect(detectCarrier('RR123456789CN')?.name).toBe('China Post');
    expect(detectCarrier('YT2412345678901234')?.name).toBe('YunExpress');
    expect(detectCarrier('LP00123456789012')?.name).toBe('Cainiao');
    expect(detectCarrier('123456789')).toBeNull();
    expect(detectCarrier('FERRY1234567')).toEqual(detectCarrier('FERRY1234567'));
    expect(carrierByKey(100001).name).toBe('DHL Express');
    expect(carrierByKey(999_999).name).toBe('Carrier 999999');
  });
});

describe('breaking a journey', () => {
  const journey = journeyOf('LX123456789CN');
  const at = journey.steps[2]!.place;
  const rest = journey.steps.slice(3);

  it('an exception interrupts and the parcel carries on', () => {
    const broken = breakJourney(journey, 'exception', at, rest, 'Exception_Delayed');
    expect(broken.now).toMatchObject({ subStatus: 'Exception_Delayed', place: at, reporter: 'origin' });
    expect(broken.then).toEqual(rest);
  });

  it('a failed delivery is followed by a second attempt and delivery', () => {
    const broken = breakJourney(journey, 'failed_delivery', at, rest);
    expect(broken.now).toMatchObject({ subStatus: 'DeliveryFailure_Other', place: journey.city });
    expect(broken.then.map((s) => s.subStatus)).toEqual(['OutForDelivery_Other', 'Delivered_Other']);
  });

  it('a lost, returned or destroyed parcel goes no further; a returning one ends returned', () => {
    expect(breakJourney(journey, 'lost', at, rest)).toMatchObject({ now: { subStatus: 'Exception_Lost' }, then: [] });
    expect(breakJourney(journey, 'exception', at, rest, 'Exception_Destroyed').then).toEqual([]);
    const returning = breakJourney(journey, 'exception', at, rest, 'Exception_Returning');
    expect(returning.now.stage).toBe('Returning');
    expect(returning.then.map((s) => [s.subStatus, s.stage])).toEqual([['Exception_Returned', 'Returned']]);
  });

  it('refuses a sub-status of another kind', () => {
    expect(() => breakJourney(journey, 'exception', at, rest, 'DeliveryFailure_NoBody')).toThrow(/Exception_Other/);
    expect(() => breakJourney(journey, 'failed_delivery', at, rest, 'Delivered_Other')).toThrow(RangeError);
  });
});
