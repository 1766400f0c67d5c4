import { describe, expect, it } from 'vitest';
import { asJson, datetimeLiteral, sqlLiteral } from './bulk-sql';

describe('sqlLiteral', () => {
  it('escapes strings, keeps numbers and null, writes JSON and UTC datetimes', () => {
    expect(sqlLiteral("it's \\ 纯棉")).toBe("'it\\'s \\\\ 纯棉'");
    expect(sqlLiteral(12)).toBe('12');
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(true)).toBe('1');
    // Quotes inside the JSON text are backslash-escaped, which MySQL reads back as the plain quote.
    expect(sqlLiteral(asJson([{ name: '颜色', value: "O'Neil" }]))).toBe(`'[{\\"name\\":\\"颜色\\",\\"value\\":\\"O\\'Neil\\"}]'`);
    expect(datetimeLiteral(new Date('2026-11-21T08:09:10.123Z'))).toBe("'2026-11-21 08:09:10.123'");
  });

  it('refuses numbers SQL cannot hold', () => {
    expect(() => sqlLiteral(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => sqlLiteral(Number.NaN)).toThrow(RangeError);
  });
});
