import { describe, expect, it } from 'vitest';
import { parcelEmail, trackingEmail } from './tracking-emails';

describe('the shopper’s tracking emails', () => {
  const at = new Date('2025-03-04T13:00:00Z');

  it('says delivered in the shipment’s language with the date and the public tracking link', () => {
    const email = trackingEmail('ja', 'delivered', { number: 'LX473124829CN', at, subStatus: 'Delivered_Other' });
    expect(email.template).toBe('shipment-delivered');
    expect(email.subject).toBe('荷物 LX473124829CN の配達が完了しました');
    expect(email.text).toContain('2025');
    expect(email.text).toMatch(/\/ja\/track\/LX473124829CN/);
  });

  it('says the parcel is on its way at dispatch, with its number and the tracking link', () => {
    const email = trackingEmail('zh-CN', 'dispatched', { number: 'LX473124829CN', at, subStatus: 'InfoReceived' });
    expect(email.template).toBe('shipment-dispatched');
    expect(email.subject).toBe('您的包裹 LX473124829CN 已发出');
    expect(email.text).toMatch(/\/zh-CN\/track\/LX473124829CN/);
  });

  it('names the carrier’s problem in words, and falls back to English for an unknown locale', () => {
    const email = trackingEmail('de', 'exception', { number: 'LX473124829CN', at, subStatus: 'Exception_Delayed' });
    expect(email.subject).toBe('Ein Problem mit Ihrem Paket LX473124829CN');
    expect(email.text).toContain('Verspätet');
    const unknown = trackingEmail('xx', 'exception', { number: 'LX473124829CN', at, subStatus: 'Something_New' });
    expect(unknown.subject).toBe('A problem with your parcel LX473124829CN');
    expect(unknown.text).toContain('Problem reported');
    expect(unknown.text).toMatch(/\/en\/track\/LX473124829CN/);
  });
});

describe('the shopper’s emails about a packed parcel', () => {
  const facts = { number: 'P261207-ABCDEFGH', grams: 1300, chargeable: 1500, amountMinor: 4250, currency: 'JPY' };

  it('asks to check a rehearsed parcel and pay its packed price, with the weight and the parcel’s page', () => {
    const email = parcelEmail('ja', 'rehearsed', facts);
    expect(email.template).toBe('parcel-rehearsed');
    expect(email.subject).toBe('荷物 P261207-ABCDEFGH の梱包が完了しました：確認してお支払いください');
    expect(email.text).toContain('1300 g');
    expect(email.text).toMatch(/4,250/);
    expect(email.text).toMatch(/\/ja\/account\/parcels\/P261207-ABCDEFGH/);
  });

  it('asks for the top-up of a heavier parcel, in English for an unknown locale', () => {
    const email = parcelEmail('xx', 'topup', { ...facts, amountMinor: 1999, currency: 'EUR' });
    expect(email.subject).toBe('Your parcel P261207-ABCDEFGH weighs more than estimated');
    expect(email.text).toContain('€19.99');
    expect(email.text).toMatch(/\/en\/account\/parcels\/P261207-ABCDEFGH/);
  });
});
