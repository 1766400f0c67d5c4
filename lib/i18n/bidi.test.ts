import { describe, expect, it } from 'vitest';
import { formatMoney } from '@/lib/money';
import { isolate, joinParts, runDirection } from './bidi';

describe('bidi runs', () => {
  it('reads a Latin-symbol amount as left to right even with the RLM Arabic formatting adds', () => {
    const cny = formatMoney({ amountMinor: 1000, currency: 'CNY' }, 'ar');
    expect(cny).toContain('CN¥');
    expect(runDirection(cny)).toBe('ltr');
    expect(runDirection(formatMoney({ amountMinor: 1000, currency: 'AED' }, 'ar'))).toBe('rtl');
    expect(runDirection('FR261121-7K3Q9X')).toBe('ltr');
  });

  it('wraps values for messages in the matching isolate', () => {
    expect(isolate('CN¥10.00')).toBe('\u2066CN¥10.00\u2069');
    expect(isolate('10.00 د.إ.')).toBe('\u206710.00 د.إ.\u2069');
    expect(isolate('')).toBe('');
  });

  it('joins only the parts that are there', () => {
    expect(joinParts(['Khaki / M', '', null, '2 × CN¥10.00'], ' · ')).toBe('Khaki / M · 2 × CN¥10.00');
    expect(joinParts(['', ' '], ' · ')).toBe('');
  });
});
