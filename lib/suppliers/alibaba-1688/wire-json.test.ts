import { describe, expect, it } from 'vitest';
import { parseWireJson, quoteLongIntegers } from './wire-json';

describe('parseWireJson', () => {
  it('keeps 18-digit order ids exact, as strings', () => {
    const parsed = parseWireJson('{"data":{"orderId":167539019420540011,"currentStatus":"success"}}') as { data: { orderId: unknown } };
    expect(parsed.data.orderId).toBe('167539019420540011');
    // What plain JSON.parse would have made of it:
    expect(String(JSON.parse('167539019420540011'))).not.toBe('167539019420540011');
  });

  it('leaves ordinary numbers, decimals, exponents and strings alone', () => {
    const text = '{"productID":612345678901,"price":12.9,"weight":1.5e-3,"n":-3,"note":"id 167539019420540011, \\"quoted\\"","ids":[1234567890123456,-1234567890123456]}';
    expect(parseWireJson(text)).toEqual({
      productID: 612345678901,
      price: 12.9,
      weight: 0.0015,
      n: -3,
      note: 'id 167539019420540011, "quoted"',
      ids: ['1234567890123456', '-1234567890123456'],
    });
  });

  it('never quotes digits that belong to a decimal or an exponent', () => {
    const text = '{"a":0.12345678901234567,"b":12345678901234567.5,"c":1234567890123456e2}';
    expect(quoteLongIntegers(text)).toBe(text);
  });

  it('returns the same text when nothing needs quoting', () => {
    const text = '{"a":[1,2,3],"b":"x"}';
    expect(quoteLongIntegers(text)).toBe(text);
  });

  it('still rejects invalid JSON', () => {
    expect(() => parseWireJson('{"a":')).toThrow(SyntaxError);
  });
});
