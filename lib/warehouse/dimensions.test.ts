import { describe, expect, it } from 'vitest';
import { parseDimsCm } from './dimensions';

describe('parseDimsCm', () => {
  it('reads three sizes in centimetres into millimetres', () => {
    expect(parseDimsCm('30x20x5')).toEqual({ lengthMm: 300, widthMm: 200, heightMm: 50 });
    expect(parseDimsCm(' 30.5 × 20 * 5.25 ')).toEqual({ lengthMm: 305, widthMm: 200, heightMm: 53 });
  });

  it('refuses anything else', () => {
    for (const bad of ['30x20', '30x20x5x1', '0x20x5', '-1x2x3', '30cmx20x5', '1e3x1x1', '', '10001x1x1']) expect(parseDimsCm(bad), bad).toBeNull();
  });
});
