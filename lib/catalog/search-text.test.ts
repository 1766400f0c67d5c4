import { describe, expect, it } from 'vitest';
import { translateZhEn } from '@/lib/i18n/translate/offline/translate-text';
import { WEIGHT, indexTerms, latinTerms, normalizeTerm, queryTerms, singular } from './search-text';

/** Indexes a product the way the importer does: Chinese text plus its offline English. */
function indexProduct(zhTitle: string, zhAttributes: string[] = []): Map<string, number> {
  return indexTerms({
    zhTitle,
    zhAttributes,
    translatedTitles: [translateZhEn(zhTitle, 'title')],
    translatedAttributes: zhAttributes.map((a) => translateZhEn(a, 'attribute')),
  });
}

/** Search requires every query term to match (queries/search-products.ts). */
function finds(index: Map<string, number>, q: string): boolean {
  const terms = queryTerms(q);
  return terms.length > 0 && terms.every((t) => index.has(t));
}

describe('index and query agree', () => {
  const dress = indexProduct('法式复古碎花连衣裙女夏收腰显瘦气质长裙', ['颜色', '藏青色', '尺码', '均码']);
  const cup = indexProduct('厂家直销不锈钢保温杯大容量便携水杯', ['容量', '500ml']);
  const tee = indexProduct('2025夏季新款韩版宽松纯棉短袖T恤女ins潮');
  const phoneCase = indexProduct('iPhone15手机壳透明硅胶防摔保护套');

  it.each(['连衣裙', 'dress', 'dresses', 'Dress', 'floral dress', '碎花连衣裙', '连衣裙 女', "women's dress", 'womens dresses', 'navy blue', '藏青色', '均码', 'one size'])(
    'finds the dress by %j',
    (q) => expect(finds(dress, q)).toBe(true),
  );

  it.each(['保温杯', 'insulated cup', 'Insulated Cups', '不锈钢', 'stainless steel', 'water cup', '500ml', '保温'])('finds the cup by %j', (q) => {
    expect(finds(cup, q)).toBe(true);
  });

  it.each(['T恤', 't恤', 't-shirt', 'T-Shirts', 'tshirt', 'short sleeve', 'short-sleeve', '纯棉 T恤', 'cotton t-shirt'])('finds the T-shirt by %j', (q) => {
    expect(finds(tee, q)).toBe(true);
  });

  it.each(['iPhone15', 'iphone 15', 'iphone', '手机壳', 'phone case', 'iPhone15手机壳'])('finds the phone case by %j', (q) => {
    expect(finds(phoneCase, q)).toBe(true);
  });

  it('does not find a product by a word it lacks', () => {
    expect(finds(cup, 'dress')).toBe(false);
    expect(finds(dress, '保温杯')).toBe(false);
    expect(finds(dress, 'dress cup')).toBe(false);
  });
});

describe('indexTerms', () => {
  it('weighs title terms above attribute terms and keeps the highest weight', () => {
    const terms = indexTerms({ zhTitle: '纯棉连衣裙', zhAttributes: ['藏青色', '纯棉'], translatedTitles: ['Cotton Dress'], translatedAttributes: ['Navy Blue'] });
    expect(terms.get('连衣裙')).toBe(WEIGHT.title);
    expect(terms.get('纯棉')).toBe(WEIGHT.title);
    expect(terms.get('dress')).toBe(WEIGHT.title);
    expect(terms.get('藏青色')).toBe(WEIGHT.attribute);
    expect(terms.get('navy')).toBe(WEIGHT.attribute);
    expect(terms.get('衣裙')).toBe(WEIGHT.titleSubword); // search-mode sub-word of 连衣裙
  });

  it('adds whole short Chinese runs that jieba would split', () => {
    const terms = indexTerms({ zhTitle: '', zhAttributes: ['米白色'] });
    expect(terms.has('米白色')).toBe(true);
  });

  it('drops listing noise and filler in both languages', () => {
    const terms = indexTerms({ zhTitle: '新款包邮的连衣裙', translatedTitles: ['New Dress with the Lid'] });
    for (const noise of ['新款', '包邮', '的', 'new', 'with', 'the']) expect(terms.has(noise), noise).toBe(false);
    expect(terms.has('lid')).toBe(true);
  });

  it('keeps terms within the varchar(64) column', () => {
    const terms = indexTerms({ zhTitle: '', translatedTitles: [`${'x'.repeat(100)} ok`] });
    for (const term of terms.keys()) expect([...term].length).toBeLessThanOrEqual(64);
    expect(terms.has('x'.repeat(64))).toBe(true);
  });
});

describe('queryTerms', () => {
  it('segments Chinese, English and mixed queries', () => {
    expect(queryTerms('连衣裙')).toEqual(['连衣裙']);
    expect(queryTerms('Insulated Cups')).toEqual(['insulated', 'cup']);
    expect(queryTerms('红色 dress')).toEqual(['红色', 'dress']);
    expect(queryTerms('碎花连衣裙女')).toEqual(['碎花', '连衣裙', '女']);
  });

  it('deduplicates and caps at 8 terms', () => {
    expect(queryTerms('dress dresses DRESS')).toEqual(['dress']);
    expect(queryTerms('a1 b2 c3 d4 e5 f6 g7 h8 i9 j10')).toHaveLength(8);
  });

  it('returns nothing for empty or stopword-only queries', () => {
    expect(queryTerms('')).toEqual([]);
    expect(queryTerms('  the of 的 ')).toEqual([]);
  });
});

describe('English normalisation', () => {
  it.each([
    ['dresses', 'dress'], ['dress', 'dress'], ['glass', 'glass'], ['glasses', 'glass'], ['shoes', 'shoe'],
    ['batteries', 'battery'], ['toys', 'toy'], ['boxes', 'box'], ['watches', 'watch'], ['brushes', 'brush'],
    ['canvas', 'canvas'], ['bus', 'bus'], ['sizes', 'size'], ['knives', 'knife'], ['women', 'woman'], ['womens', 'woman'],
    ['series', 'series'], ['lens', 'lens'], ['cups', 'cup'], ['yes', 'yes'],
  ])('singular(%s) = %s', (word, expected) => {
    expect(singular(word)).toBe(expected);
  });

  it('splits and joins hyphenated words, drops possessives and single letters', () => {
    expect(latinTerms("Women's Type-C T-Shirt")).toEqual(['woman', 'type', 'typec', 'shirt', 'tshirt']);
  });

  it('folds case, width and accents the way utf8mb4_unicode_ci compares', () => {
    expect(normalizeTerm('Café')).toBe('cafe');
    expect(normalizeTerm('ＸＬ')).toBe('xl');
    expect(normalizeTerm('Straße')).toBe('strasse');
  });
});
