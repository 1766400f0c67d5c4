import type { DemoColourName } from '../colours';
import type { MotifId } from '../motifs';

/** One SKU dimension besides colour, e.g. 尺码 S–XXL or 容量 350ml–750ml. */
export type SpecDimension = {
  name: string;
  /** Ordered small → large, because price follows the order. */
  values: readonly string[];
  /**
   * Price multiplier per value. Omitted: `1 + step × position`, so XXL or 750ml costs a little
   * more than S or 350ml, as on real listings. Packs (10支装) need explicit factors.
   */
  factors?: readonly number[];
  step?: number;
  /** How many consecutive values one offer lists: [min, max]. */
  take: readonly [number, number];
};

export type AttributeChoice = { name: string; values: readonly string[] };

/** Everything needed to write a believable 1688 listing in one leaf category. */
export type LeafVocabulary = {
  slug: string;
  motif: MotifId;
  /** Measure word of the listing (件 条 双 个 …), as in 1688's `unit`. */
  unit: string;
  nouns: readonly string[];
  materials: readonly string[];
  styles: readonly string[];
  features: readonly string[];
  /** Appended after the noun as sellers do: 连衣裙女, T恤男, 猫碗猫. */
  audiences: readonly string[];
  /** Empty for goods sold all year; otherwise titles get `2025夏季新款`. */
  seasons: readonly string[];
  /** The colour spec's name (颜色, 色号); null when colour is packaging only, not a SKU choice. */
  colourSpec: string | null;
  colours: readonly DemoColourName[];
  specs: readonly SpecDimension[];
  attributes: readonly AttributeChoice[];
  priceYuan: readonly [number, number];
  weightGrams: readonly [number, number];
  freightYuan: readonly [number, number];
};

/**
 * Words shared by every category: 1688 marketing fragments, title openers and the spec ladders
 * that many leaves reuse. Only common words, so the offline translator (jieba + CC-CEDICT +
 * glossary) can segment and translate every title.
 */

/** Fragments sellers append after a space: `… T恤女 一件代发`. */
export const marketingTails = [
  '一件代发', '厂家直销', '批发', '现货速发', '源头工厂', '跨境专供', '外贸爆款', '工厂批发', '支持定制', '一件起批',
] as const;

/** Fragments sellers put in front of a title. */
export const marketingHeads = ['跨境', '爆款', '亚马逊', '外贸', '网红', '热卖', '新款', '工厂直供'] as const;

/** Years for `2025夏季新款`; the newest dominates, as on a live marketplace. */
export const titleYears: readonly (readonly [string, number])[] = [
  ['2025', 7],
  ['2024', 2],
];

export const brandValues: readonly (readonly [string, number])[] = [
  ['其他', 8],
  ['无', 2],
  ['OEM', 1],
];

export const crossBorderAttribute = '是否跨境出口专供货源';

export const womensSizes: SpecDimension = { name: '尺码', values: ['S', 'M', 'L', 'XL', 'XXL'], step: 0.02, take: [3, 5] };
export const mensSizes: SpecDimension = { name: '尺码', values: ['M', 'L', 'XL', 'XXL', '3XL', '4XL'], step: 0.03, take: [4, 6] };
export const oneSize: SpecDimension = { name: '尺码', values: ['均码'], take: [1, 1] };
export const womensShoeSizes: SpecDimension = { name: '尺码', values: ['35', '36', '37', '38', '39', '40'], step: 0.01, take: [4, 6] };
export const mensShoeSizes: SpecDimension = { name: '尺码', values: ['39', '40', '41', '42', '43', '44'], step: 0.01, take: [4, 6] };
export const bagSizes: SpecDimension = { name: '规格', values: ['小号', '中号', '大号'], step: 0.15, take: [2, 3] };
