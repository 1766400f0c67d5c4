import { describe, expect, it } from 'vitest';
import { format1688Time, formatPushTime, parse1688Time } from './time-format';

describe('1688 time formats', () => {
  it('writes China time with milliseconds and the +0800 suffix', () => {
    expect(format1688Time(Date.UTC(2018, 5, 14, 2, 19, 42, 7))).toBe('20180614101942007+0800');
    expect(formatPushTime(Date.UTC(2018, 4, 30, 11, 34, 27))).toBe('2018-05-30 19:34:27');
  });

  it('round-trips to the millisecond, across the date line of China time', () => {
    const ms = Date.UTC(2025, 11, 31, 17, 59, 59, 999);
    expect(format1688Time(ms)).toBe('20260101015959999+0800');
    expect(parse1688Time(format1688Time(ms))).toBe(ms);
  });

  it('honours other offsets and rejects malformed or impossible dates', () => {
    expect(parse1688Time('20180614101942000+0000')).toBe(Date.UTC(2018, 5, 14, 10, 19, 42));
    expect(parse1688Time('2018-06-14 10:19:42')).toBeNull();
    expect(parse1688Time('20180230101942000+0800')).toBeNull();
    expect(parse1688Time('20180614251942000+0800')).toBeNull();
  });
});
