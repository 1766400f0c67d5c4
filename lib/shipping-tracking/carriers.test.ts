import { describe, expect, it } from 'vitest';
import { carriers, isValidTrackingNumber, luhnCheckDigit, makeTrackingNumber, s10CheckDigit } from './carriers';

describe('tracking number check digits', () => {
  it('computes the UPU S10 check digit, including the 10 → 0 and 11 → 5 cases', () => {
    // The S10 standard's worked example: RA 47312482 9 CH.
    expect(s10CheckDigit('47312482')).toBe(9);
    expect(s10CheckDigit('00000000')).toBe(5); // sum 0 → 11 − 0 = 11 → 5
    expect(s10CheckDigit('00000008')).toBe(0); // 8·7 = 56, 56 mod 11 = 1 → 10 → 0
  });

  it('follows 11 − (sum mod 11) for every serial', () => {
    for (const serial of ['12345678', '99999999', '31415926', '27182818']) {
      const sum = [...serial].reduce((t, d, i) => t + Number(d) * [8, 6, 4, 2, 3, 5, 9, 7][i]!, 0);
      const raw = 11 - (sum % 11);
      expect(s10CheckDigit(serial)).toBe(raw === 10 ? 0 : raw === 11 ? 5 : raw);
    }
    expect(() => s10CheckDigit('1234567')).toThrow();
  });

  it('computes a Luhn digit that makes the whole number pass', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3); // the textbook example 79927398713
    const passes = (digits: string) => [...digits].reverse().reduce((sum, d, i) => sum + (i % 2 === 1 ? (Number(d) * 2 > 9 ? Number(d) * 2 - 9 : Number(d) * 2) : Number(d)), 0) % 10 === 0;
    for (const payload of ['123456789012345', '000000000000001', '987654321098765']) expect(passes(payload + luhnCheckDigit(payload))).toBe(true);
  });
});

describe('tracking numbers per carrier', () => {
  it('makes numbers with the carrier prefix and a valid check digit', () => {
    const post = makeTrackingNumber('china-post', () => '47312482');
    expect(post).toBe('LX473124829CN');
    expect(isValidTrackingNumber('china-post', post)).toBe(true);
    const yun = makeTrackingNumber('yunexpress');
    expect(yun).toMatch(carriers.yunexpress.pattern);
    expect(isValidTrackingNumber('yunexpress', yun)).toBe(true);
  });

  it('refuses a number with a mistyped digit, a wrong prefix or the other carrier’s shape', () => {
    expect(isValidTrackingNumber('china-post', 'LX473124828CN')).toBe(false);
    expect(isValidTrackingNumber('china-post', 'LX473124929CN')).toBe(false);
    expect(isValidTrackingNumber('china-post', 'RR473124828CN')).toBe(false);
    const yun = makeTrackingNumber('yunexpress', () => '123456789012345');
    expect(isValidTrackingNumber('china-post', yun)).toBe(false);
    expect(isValidTrackingNumber('yunexpress', yun.slice(0, -1) + ((Number(yun.at(-1)) + 1) % 10))).toBe(false);
  });
});
