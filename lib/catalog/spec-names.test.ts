import { describe, expect, it } from 'vitest';
import { mergeSpecNames, specValues, translateSpecs } from './spec-names';

describe('spec names', () => {
  const stored = [
    { name: '颜色', value: '墨绿色' },
    { name: '尺码', value: '均码' },
  ];

  it('shows an ordered SKU in the shopper language, falling back to English, then to the Chinese', () => {
    const names = mergeSpecNames({ 颜色: 'Colour', 墨绿色: 'Dark green', 尺码: 'Size', 均码: 'One size' }, { 颜色: 'Farbe', 墨绿色: 'Dunkelgrün' });
    expect(translateSpecs(stored, names)).toEqual([
      { name: 'Farbe', value: 'Dunkelgrün' },
      { name: 'Size', value: 'One size' },
    ]);
    expect(translateSpecs(stored, null)).toEqual(stored);
  });

  it('joins option values without empty parts', () => {
    expect(specValues([{ name: 'a', value: 'Khaki' }, { name: 'b', value: '' }, { name: 'c', value: 'M' }, { name: 'd', value: ' ' }])).toBe('Khaki / M');
    expect(specValues([])).toBe('');
  });
});
