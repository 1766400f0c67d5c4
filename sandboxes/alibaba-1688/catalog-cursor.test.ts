import { describe, expect, it } from 'vitest';
import { compareKeys, decodeCursor, encodeCursor, lowerBound } from './catalog-cursor';

describe('walk cursors', () => {
  it('round-trip and look opaque', () => {
    const full = encodeCursor({ kind: 'full', afterId: 612345678901 });
    const changed = encodeCursor({ kind: 'changed', afterTime: 1_760_000_000_123, afterId: 698765432109 });
    expect(full).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(full)).toEqual({ kind: 'full', afterId: 612345678901 });
    expect(decodeCursor(changed)).toEqual({ kind: 'changed', afterTime: 1_760_000_000_123, afterId: 698765432109 });
  });

  it('reject anything they did not produce', () => {
    expect(decodeCursor('')).toBeNull();
    expect(decodeCursor('not a cursor')).toBeNull();
    expect(decodeCursor(Buffer.from('f.12x').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from('c.1').toString('base64url'))).toBeNull();
  });
});

describe('lowerBound', () => {
  const values = [1, 3, 3, 5, 8];
  it('finds the first position not before the probe', () => {
    expect(lowerBound(values.length, (i) => (values[i] as number) < 3)).toBe(1);
    expect(lowerBound(values.length, (i) => (values[i] as number) <= 3)).toBe(3);
    expect(lowerBound(values.length, (i) => (values[i] as number) < 0)).toBe(0);
    expect(lowerBound(values.length, (i) => (values[i] as number) < 99)).toBe(5);
  });
});

describe('compareKeys', () => {
  it('orders by time, then by id', () => {
    expect(compareKeys(1, 9, 2, 1)).toBeLessThan(0);
    expect(compareKeys(2, 1, 2, 9)).toBeLessThan(0);
    expect(compareKeys(2, 9, 2, 9)).toBe(0);
  });
});
