import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import en from '@/messages/admin/en.json';
import zhCN from '@/messages/admin/zh-CN.json';
import { refundRefusalMessage } from './refund-refusal-message';
import { refundRefusalOf } from './refund-refusal';

const translator = (locale: 'en' | 'zh-CN') => {
  const t = createTranslator({ locale, messages: locale === 'en' ? en : zhCN, namespace: 'admin.refunds.refused' });
  return (key: string, values: Record<string, string>) => t(key as 'exceeds_refundable', values);
};

describe('a refused refund, worded for staff', () => {
  const tooMuch = new AppError('conflict', 'At most 12.34 EUR (1234 minor units) is still refundable', { reason: 'exceeds_refundable', currency: 'EUR', refundableMinor: 1234, requestedMinor: 2000, pendingMinor: 0 });

  it('says what is still refundable as money in the order’s currency, in English and Chinese', () => {
    const refusal = refundRefusalOf(tooMuch)!;
    expect(refundRefusalMessage(refusal, translator('en'), 'en')).toBe('At most €12.34 is still refundable (you asked for €20.00).');
    expect(refundRefusalMessage(refusal, translator('zh-CN'), 'zh-CN')).toBe('最多还可退 €12.34（您填写的是 €20.00）。');
  });

  it('adds a card refund still waiting for the gateway, and names one that holds everything', () => {
    const waiting = refundRefusalOf(new AppError('conflict', 'x', { reason: 'exceeds_refundable', currency: 'JPY', refundableMinor: 500, requestedMinor: 900, pendingMinor: 300 }))!;
    expect(refundRefusalMessage(waiting, translator('en'), 'en')).toBe('At most ¥500 is still refundable (you asked for ¥900). Another ¥300 is a card refund still waiting for the gateway.');
    const held = refundRefusalOf(new AppError('conflict', 'x', { reason: 'pending_card_refund', currency: 'USD', refundableMinor: 0, pendingMinor: 1999 }))!;
    expect(refundRefusalMessage(held, translator('en'), 'en')).toContain('$19.99 of it is a card refund still waiting');
  });

  it('reads only refusals it knows from an error’s details', () => {
    expect(refundRefusalOf(new AppError('conflict', 'x', { reason: 'something_else' }))).toBeNull();
    expect(refundRefusalOf(new Error('x'))).toBeNull();
    expect(refundRefusalOf(new AppError('conflict', 'x', { reason: 'no_shopper_account', currency: 'EVIL', refundableMinor: 1.5 }))).toEqual({ reason: 'no_shopper_account' });
  });
});
