import { describe, expect, it } from 'vitest';
import { trackingEmail } from './tracking-emails';

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
