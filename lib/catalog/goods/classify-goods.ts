import { shippingGoods, type ShippingGood } from '@/lib/shipping/goods';

/** What the classifier reads of a listing: its titles, category and spec pairs (the offer's and its SKUs'). */
export type GoodsSignals = {
  title: string;
  titleEn?: string | null;
  categorySlug?: string | null;
  attributes?: readonly { name: string; value: string }[];
};

type Rule = {
  /** Words that mean the good is there. */
  include: readonly RegExp[];
  /** Words that contain an include word but mean something else (液晶 is LCD, 粉色 is pink): removed first. */
  exclude: readonly RegExp[];
  categories?: readonly string[];
  /** Words that count only when `unless` does not match the whole listing (a cup's 500 ml is its size, not its contents). */
  weak?: readonly RegExp[];
  unless?: RegExp;
};

/**
 * Conservative on purpose: a wrong flag hides cheap lines from the shopper, a missed one is caught by
 * the warehouse (which marks the item) or by staff (who override the product). So each rule names
 * words sellers actually use for the good, and the look-alikes that are not it.
 */
const rules: Record<ShippingGood, Rule> = {
  battery: {
    include: [/电池/, /锂/, /充电宝/, /移动电源/, /电芯/, /蓄电/, /\d+\s*毫安/, /\d+\s*mah\b/, /\bbatter(y|ies)\b/, /\bpower\s?banks?\b/, /\blithium\b/, /\bli-?ion\b/],
    exclude: [/(不含|无需|不需|不带|免|无)电池/, /\bbatter(y|ies)\s+(are\s+)?not\s+included\b/, /\b(no|without)\s+batter(y|ies)\b/],
    categories: ['power-banks'],
  },
  liquid: {
    include: [/液/, /香水/, /喷雾/, /精油/, /爽肤水/, /化妆水/, /花露水/, /墨水/, /\bliquids?\b/, /\bperfumes?\b/, /\bsprays?\b/, /\blotion\b/, /\bshampoo\b/, /\bserum\b/, /\b(essential|massage|hair|body)\s+oil\b/, /油/],
    exclude: [
      /液晶/, /液压/, /液态硅胶/, /液体硅胶/,
      /油画/, /油性/, /控油/, /防油/, /吸油/, /耐油/, /油污/, /油烟/, /油皮/, /油纸/, /加油/, /油壶/, /油瓶/, /油刷/, /油桶/, /油门/, /油箱/, /油蜡/, /油边/, /油亮/, /牛油果/, /墨水颜?色/,
      /\bliquid\s+(silicone|crystal)\b/, /\bspray\s+(bottles?|guns?|nozzles?)\b/,
      // An empty container (a perfume travel bottle, 10 ml) holds nothing: its whole title line goes.
      /[^\n]*(空瓶|分装瓶|\bempty\b)[^\n]*/,
    ],
    weak: [/\d+\s*毫升/, /\d+(\.\d+)?\s?(ml|l)\b/],
    unless: /杯|壶|瓶|碗|饭盒|保鲜盒|收纳|储物|\b(cups?|mugs?|bottles?|tumblers?|flasks?|jars?|containers?)\b/,
  },
  powder: {
    include: [/粉/, /\bpowders?\b/],
    exclude: [/粉(色|红|嫩|蓝|紫|白|金|绿|橙|黄|系)/, /粉丝/, /粉刷/, /粉扑/, /吃粉/, /粉笔/, /粉碎/, /粉底液/, /\bpowder[\s-](brush(es)?|puffs?|coated|coating|blue|pink)\b/],
  },
  magnet: {
    include: [/磁/, /钕铁硼/, /\bmagnet(s|ic)?\b/, /\bmagsafe\b/, /\bneodymium\b/],
    exclude: [/电磁炉/, /磁砖/, /磁扣/, /\bnon[\s-]magnetic\b/],
  },
  brand: {
    // Only famous marks customs treat as brand goods; a phone case "for iPhone" names a model, not a brand.
    include: [/耐克/, /阿迪达斯/, /古驰/, /路易威登/, /香奈儿/, /迪奥/, /爱马仕/, /普拉达/, /巴黎世家/, /劳力士/, /迪士尼/, /\bnike\b/, /\badidas\b/, /\bgucci\b/, /\blouis\s+vuitton\b/, /\bchanel\b/, /\bdior\b/, /\bherm[eè]s\b/, /\bprada\b/, /\bbalenciaga\b/, /\brolex\b/, /\bdisney\b/],
    exclude: [],
  },
};

/** A 品牌 (brand) spec naming no brand at all. */
const noBrand = /^(其他|其它|无|无品牌|oem|odm|other|none|n\/a|自有品牌|工厂定制)$/i;

/**
 * The goods a shipping line may refuse that a listing is, from its words: a pure function of the
 * title (Chinese and the upstream's English), the category and the specs. Returns the goods in
 * `shippingGoods` order, each once.
 */
export function classifyGoods(signals: GoodsSignals): ShippingGood[] {
  const specs = (signals.attributes ?? []).filter((a) => !(isBrandSpec(a.name) && noBrand.test(a.value.trim())));
  const text = [signals.title, signals.titleEn ?? '', ...specs.map((a) => `${a.name} ${a.value}`)].join('\n').toLowerCase();
  return shippingGoods.filter((good) => {
    const rule = rules[good];
    if (signals.categorySlug && rule.categories?.includes(signals.categorySlug)) return true;
    const cleaned = rule.exclude.reduce((t, pattern) => t.replace(new RegExp(pattern.source, 'g'), ' '), text);
    if (rule.include.some((pattern) => pattern.test(cleaned))) return true;
    return !!rule.weak && !rule.unless?.test(text) && rule.weak.some((pattern) => pattern.test(cleaned));
  });
}

const isBrandSpec = (name: string) => /^(品牌|brand)$/i.test(name.trim());
