import { describe, expect, it } from 'vitest';
import { DecimalError, kgToGrams, scoreToTenths, yuanToFen } from './decimal';

describe('yuanToFen', () => {
  it('converts numbers and strings exactly, where float arithmetic would not', () => {
    expect(0.29 * 100).not.toBe(29); // the trap
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(12.9)).toBe(1290);
    expect(yuanToFen('1234.56')).toBe(123456);
    expect(yuanToFen('8')).toBe(800);
  });

  it('accepts trailing zeros but refuses sub-fen amounts and non-decimals', () => {
    expect(yuanToFen('3.500')).toBe(350);
    expect(() => yuanToFen('3.505')).toThrow(DecimalError);
    expect(() => yuanToFen(-1)).toThrow(DecimalError);
    expect(() => yuanToFen('1e3')).toThrow(DecimalError);
    expect(() => yuanToFen(Number.NaN)).toThrow(DecimalError);
    expect(() => yuanToFen(null)).toThrow(DecimalError);
  });
});

describe('kgToGrams and scoreToTenths', () => {
  it('round half up at their unit', () => {
    expect(kgToGrams(0.355)).toBe(355);
    expect(kgToGrams('1.2')).toBe(1200);
    expect(kgToGrams('0.0015')).toBe(2);
    expect(kgToGrams('0.0014')).toBe(1);
    expect(scoreToTenths('4.5')).toBe(45);
    expect(scoreToTenths('4.46')).toBe(45);
    expect(scoreToTenths(5)).toBe(50);
  });
});
