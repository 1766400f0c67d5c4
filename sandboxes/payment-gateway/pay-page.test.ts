import { describe, expect, it } from 'vitest';
import { formatAmount, renderPayPage } from './pay-page';
import type { PaymentIntent } from './stripe-objects';

const intent = (over: Partial<PaymentIntent>) =>
  ({ id: 'pi_1', amount: 1999, currency: 'usd', status: 'requires_action', metadata: { order_number: 'FR-1' }, description: null, last_payment_error: null, ...over }) as PaymentIntent;

describe('formatAmount', () => {
  it('reads minor units with each currency’s own exponent', () => {
    expect(formatAmount(1999, 'usd')).toBe('$19.99');
    expect(formatAmount(1999, 'jpy')).toBe('¥1,999');
    expect(formatAmount(1999, 'kwd')).toMatch(/^KWD\s1\.999$/);
    expect(formatAmount(123456, 'cny')).toBe('CN¥1,234.56');
  });
});

describe('renderPayPage', () => {
  it('escapes shopper-controlled text', () => {
    const html = renderPayPage(intent({ metadata: { order_number: '<script>alert(1)</script>' }, description: '"x" & y' }), 'http://shop.test/?a=1&b="2"');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('&#34;x&#34; &#38; y');
  });

  it('offers the three outcomes only while the intent can be paid', () => {
    expect(renderPayPage(intent({}), null)).toContain('value="slow">Approve slowly</button>');
    const paid = renderPayPage(intent({ status: 'succeeded' }), 'http://shop.test/r');
    expect(paid).toContain('already paid');
    expect(paid).not.toContain('<button');
    expect(paid).toContain('<a href="http://shop.test/r">');
    expect(renderPayPage(intent({ status: 'processing' }), null)).toContain('already paid');
    expect(renderPayPage(intent({ status: 'canceled' }), null)).not.toContain('<form');
  });
});
