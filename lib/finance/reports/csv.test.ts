import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('report CSV', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('服装, 鞋')).toBe('"服装, 鞋"');
    expect(csvField('5" screen')).toBe('"5"" screen"');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('plain')).toBe('plain');
  });

  it('keeps negative amounts as numbers but defuses spreadsheet formulas', () => {
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField(-3)).toBe('-3');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1 day')).toBe("'+1 day");
    expect(csvField('@sum')).toBe("'@sum");
  });

  it('ends every line with CRLF', () => {
    expect(toCsv([['a', 1], ['b', '2']])).toBe('a,1\r\nb,2\r\n');
  });
});
