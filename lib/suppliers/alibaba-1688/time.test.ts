import { describe, expect, it } from 'vitest';
import { format1688Time, parse1688Time } from './time';

describe('1688 dates', () => {
  it('formats in China time with milliseconds', () => {
    expect(format1688Time(new Date(Date.UTC(2018, 5, 14, 2, 19, 42, 0)))).toBe('20180614101942000+0800');
  });

  it('parses every shape 1688 uses, to the millisecond', () => {
    const at = new Date(Date.UTC(2025, 11, 31, 17, 59, 59, 999));
    expect(parse1688Time(format1688Time(at))).toEqual(at);
    expect(parse1688Time('20180614101942000+0000')).toEqual(new Date(Date.UTC(2018, 5, 14, 10, 19, 42)));
    expect(parse1688Time('2018-05-30 19:34:27')).toEqual(new Date(Date.UTC(2018, 4, 30, 11, 34, 27)));
    expect(parse1688Time(1_700_000_000_000)).toEqual(new Date(1_700_000_000_000));
    expect(parse1688Time('1700000000000')).toEqual(new Date(1_700_000_000_000));
  });

  it('returns null for anything else', () => {
    expect(parse1688Time('20180230101942000+0800')).toBeNull();
    expect(parse1688Time('2018-06-14T10:19:42Z')).toBeNull();
    expect(parse1688Time(null)).toBeNull();
    expect(parse1688Time(-5)).toBeNull();
  });
});
