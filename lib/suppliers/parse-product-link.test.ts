import { describe, expect, it } from 'vitest';
import { looksLikeUrl, parseProductLink } from './parse-product-link';

describe('parseProductLink', () => {
  it.each([
    ['https://detail.1688.com/offer/612345678901.html?spm=a26352.13672862.offerlist', '1688', '612345678901'],
    ['https://m.1688.com/offer/612345678901.html', '1688', '612345678901'],
    ['detail.1688.com/offer/612345678901.html', '1688', '612345678901'],
    ['https://item.taobao.com/item.htm?spm=a1z10&id=680123456789&ns=1', 'taobao', '680123456789'],
    ['https://detail.tmall.com/item.htm?id=680123456789&skuId=5012345', 'tmall', '680123456789'],
    ['https://item.jd.com/100012043978.html', 'jd', '100012043978'],
    ['https://mobile.yangkeduo.com/goods.html?goods_id=123456789012', 'pinduoduo', '123456789012'],
    ['https://weidian.com/item.html?itemID=4567890123', 'weidian', '4567890123'],
  ])('%s', (url, platform, id) => {
    expect(parseProductLink(url)).toEqual({ platform, id });
  });

  it.each(['连衣裙', 'https://example.com/offer/612345678901.html', 'https://detail.1688.com/offer/abc.html', 'https://item.taobao.com/item.htm'])(
    'rejects %s',
    (input) => {
      expect(parseProductLink(input)).toBeNull();
    },
  );

  it('tells links from keywords', () => {
    expect(looksLikeUrl('https://detail.1688.com/offer/1.html')).toBe(true);
    expect(looksLikeUrl('cotton dress')).toBe(false);
  });
});
