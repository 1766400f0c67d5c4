import { describe, expect, it } from 'vitest';
import { locales } from '@/lib/i18n/locales';
import { priceDifferenceEmail } from '@/lib/purchasing/price-difference-email';
import {
  orderCancelledEmail,
  orderConfirmationEmail,
  orderPartiallyRefundedEmail,
  orderPurchasedEmail,
  orderRefundedEmail,
  paymentReceivedEmail,
} from './order-emails';

describe('order emails', () => {
  it('lists what was ordered, each line with its own variant and no empty brackets', () => {
    const email = orderConfirmationEmail('en', {
      orderNumber: 'F-2026-000123',
      total: '€12.30',
      lines: [
        { title: 'Linen dress', options: 'Dark green / One size', quantity: 2 },
        { title: 'Phone stand', options: '', quantity: 1 },
      ],
    });
    expect(email.text).toContain('What you ordered:\n• Linen dress (Dark green / One size) × 2\n• Phone stand × 1');
    expect(orderConfirmationEmail('en', { orderNumber: 'F-1', total: '€1.00' }).text).not.toContain('What you ordered');
  });

  it.each(locales)('renders every order email in %s, naming the order and linking to its page in that language', (locale) => {
    const facts = { name: 'Mei', orderNumber: 'F-2026-000123' };
    const emails = [
      orderConfirmationEmail(locale, { ...facts, total: '€12.30' }),
      paymentReceivedEmail(locale, { ...facts, amount: '€12.30' }),
      orderPurchasedEmail(locale, facts),
      orderRefundedEmail(locale, { ...facts, amount: '€12.30' }),
      orderPartiallyRefundedEmail(locale, { ...facts, amount: '€2.00' }),
      orderCancelledEmail(locale, { ...facts, expired: true }),
      orderCancelledEmail(locale, { ...facts, expired: false }),
      priceDifferenceEmail(locale, { orderNumber: facts.orderNumber, chargeMinor: 230, chargeCurrency: 'EUR' }),
    ];
    for (const email of emails) {
      expect(`${email.subject}\n${email.text}`).not.toMatch(/(emails|purchasing)\.\w+/);
      expect(email.subject).toContain('F-2026-000123');
      expect(email.text).toContain(`/${locale}/account/orders/F-2026-000123`);
      expect(email.secrets ?? []).toEqual([]);
    }
    expect(emails[0]!.text).toContain('€12.30');
    expect(emails[1]!.text).toContain('€12.30');
    expect(emails[4]!.text).toContain('€2.00');
    // An expired order's email says why; a cancelled one does not claim it expired.
    expect(emails[5]!.text).not.toBe(emails[6]!.text);
    if (locale !== 'en') expect(emails[1]!.subject).not.toBe(paymentReceivedEmail('en', { ...facts, amount: '€12.30' }).subject);
    expect(emails.map((e) => e.template)).toEqual([
      'order-confirmation',
      'payment-received',
      'order-purchased',
      'order-refunded',
      'order-partially-refunded',
      'order-cancelled',
      'order-cancelled',
      'price-difference',
    ]);
  });

  it('greets by name and falls back to English for an unknown locale', () => {
    const facts = { name: 'Ana', orderNumber: 'F-1' };
    expect(orderPurchasedEmail('en', facts).text.startsWith('Hello Ana,\n\n')).toBe(true);
    expect(orderPurchasedEmail('xx', facts).subject).toBe(orderPurchasedEmail('en', facts).subject);
  });
});
