import { describe, expect, it } from 'vitest';
import { createRng, fmix32, hash32 } from './random';

describe('seeded random', () => {
  it('produces the same words on every machine (golden values)', () => {
    const rng = createRng('ferry');
    expect([rng.uint32(), rng.uint32(), rng.uint32()]).toEqual([1508781151, 3031976244, 762248483]);
    expect(hash32('ferry')).toBe(4151504533);
  });

  it('gives different streams for different seeds', () => {
    const a = createRng('a');
    const b = createRng('b');
    expect(Array.from({ length: 5 }, () => a.uint32())).not.toEqual(Array.from({ length: 5 }, () => b.uint32()));
  });

  it('keeps int() inside its inclusive bounds and reaches both ends', () => {
    const rng = createRng('bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('samples distinct items in their original order', () => {
    const rng = createRng('sample');
    const sizes = ['S', 'M', 'L', 'XL', 'XXL'];
    for (let i = 0; i < 100; i++) {
      const picked = rng.sample(sizes, 3);
      expect(picked).toHaveLength(3);
      expect([...picked].sort((x, y) => sizes.indexOf(x) - sizes.indexOf(y))).toEqual(picked);
    }
  });

  it('shuffles into a permutation and leaves the input alone', () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = createRng('shuffle').shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual(input);
  });

  it('follows the weights of weighted()', () => {
    const rng = createRng('weights');
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) if (rng.weighted([['heavy', 9], ['light', 1]] as const) === 'heavy') heavy++;
    expect(heavy / 10_000).toBeGreaterThan(0.87);
    expect(heavy / 10_000).toBeLessThan(0.93);
  });

  it('rejects empty picks instead of returning undefined', () => {
    expect(() => createRng('x').pick([])).toThrow(RangeError);
  });

  it('fmix32 is a bijection (no collisions over a dense range)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(fmix32(i));
    expect(seen.size).toBe(100_000);
  });
});
