import { describe, expect, it } from 'vitest';
import { chargeToCnyMinor, cnyToReporting, exact, roundMinor } from './amounts';

describe('report amounts', () => {
  it('converts at the pinned rate across exponents', () => {
    // 1 CNY = 0.14 USD: 14 US cents are 100 fen; 1 CNY = 21 JPY: 21 yen are 100 fen.
    expect(roundMinor(chargeToCnyMinor(14, 'USD', '0.140000000000'))).toBe(100);
    expect(roundMinor(chargeToCnyMinor(21, 'JPY', '21'))).toBe(100);
    expect(roundMinor(cnyToReporting(exact(100), 'JPY', '21.5'))).toBe(22); // 21.5 yen, half-even
  });

  it('rounds a sum once, not each row', () => {
    // Three 1-cent charges at 1 CNY = 0.15 USD are 6.67 fen each: 20 fen together, not 3 × 7 = 21.
    const rows = [1, 1, 1].map((cents) => chargeToCnyMinor(cents, 'USD', '0.15'));
    expect(roundMinor(rows.reduce((a, b) => a.plus(b), exact()))).toBe(20);
    expect(rows.map(roundMinor).reduce((a, b) => a + b, 0)).toBe(21);
  });
});
