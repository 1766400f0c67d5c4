import { describe, expect, it } from 'vitest';
import { itemCode, itemIdFromCode, itemLabel, shopperCode } from './item-label';

describe('item labels', () => {
  it('codes an item for Code 128 and reads the code back', () => {
    expect(itemCode(4711)).toBe('IT4711');
    expect(itemIdFromCode(' it4711 ')).toBe(4711);
    expect(itemIdFromCode('IT')).toBeNull();
    expect(itemIdFromCode('FR261207-AB12CD')).toBeNull();
  });

  it('names the shopper by a short code, never by name', () => {
    expect(shopperCode({ userId: 12345, partnerKeyId: null })).toBe('C9IX');
    expect(shopperCode({ userId: null, partnerKeyId: 'pk_live_a1b2c3d4e5' })).toBe('PC3D4E5');
  });

  it('carries the item, order, shopper, bin and a short title and options', () => {
    const label = itemLabel(
      { id: 7, title: '女士纯棉短袖T恤夏季新款宽松百搭上衣'.repeat(5), attributes: [{ name: '颜色', value: '墨绿色' }, { name: '尺码', value: 'M' }], quantity: 2, storageBin: 'A-03-2' },
      { number: 'FR261207-AB12CD', userId: 35, partnerKeyId: null },
    );
    expect(label).toMatchObject({ code: 'IT7', itemId: 7, orderNumber: 'FR261207-AB12CD', shopperCode: 'CZ', bin: 'A-03-2', options: '墨绿色 / M', quantity: 2 });
    expect(label.title.length).toBe(60);
  });
});
