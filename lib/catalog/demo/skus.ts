import { demoSpecId, MAX_SKUS_PER_OFFER } from './ids';
import type { Rng } from './random';
import type { LeafVocabulary, SpecDimension } from './vocabulary';

export type DemoSkuAttribute = { name: string; value: string };

export type DemoSku = {
  /** 13 digits, consecutive within an offer, unique across the catalog. */
  skuId: string;
  /** 32 hex, 1688's spec id (what order APIs take alongside the offer id). */
  specId: string;
  attributes: DemoSkuAttribute[];
  priceFen: number;
  amountOnSale: number;
  /** Index into the offer's images of this SKU's colour, like 1688's `skuImageUrl`. */
  imageIndex?: number;
};

/** The 1–2 SKU dimensions of one offer, already trimmed to at most 30 combinations. */
export type SkuPlan = {
  colourSpec: string | null;
  colours: string[];
  spec: { dimension: SpecDimension; start: number; values: string[] } | null;
};

export function planSkus(rng: Rng, v: LeafVocabulary): SkuPlan {
  const colourCount = v.colourSpec === null ? 1 : Math.min(v.colours.length, rng.weighted([[1, 2], [2, 2], [3, 3], [4, 3], [5, 2], [6, 2], [8, 1]]));
  let colours = rng.shuffle(v.colours).slice(0, colourCount);
  // Goods chosen by size alone still need a spec; colour goods sometimes have none (均码, one size).
  const dimension = v.specs.length > 0 && (v.colourSpec === null || rng.chance(0.85)) ? rng.pick(v.specs) : null;
  let spec: SkuPlan['spec'] = null;
  if (dimension) {
    const [min, max] = dimension.take;
    let count = Math.min(dimension.values.length, rng.int(min, max));
    // The cartesian product is capped at 30 SKUs: shrink the longer dimension first.
    while (count * colours.length > MAX_SKUS_PER_OFFER) {
      if (count >= colours.length && count > 1) count--;
      else colours = colours.slice(0, -1);
    }
    const start = rng.int(0, dimension.values.length - count);
    spec = { dimension, start, values: dimension.values.slice(start, start + count) };
  }
  return { colourSpec: v.colourSpec, colours, spec };
}

/** Price endings sellers favour: plain (12.50), nines (12.90) or eights (12.80). */
export type PriceEnding = 0 | 1 | 2;

/** CNY fen rounded the way 1688 prices look; monotonic in `yuan`, so bigger sizes never get cheaper. */
export function niceFen(yuan: number, ending: PriceEnding): number {
  if (yuan < 10) return Math.max(10, Math.round(yuan * 10) * 10);
  if (yuan < 100) return ending === 0 ? Math.round(yuan * 2) * 50 : Math.floor(yuan) * 100 + (ending === 1 ? 90 : 80);
  const whole = Math.round(yuan);
  return (ending === 0 ? whole : whole - (whole % 10) + 9) * 100;
}

function stockFor(rng: Rng): number {
  if (rng.chance(0.06)) return 0; // sold out
  // Log-uniform 50–9999: most listings show hundreds or thousands on sale.
  return Math.min(9999, Math.round(50 * 200 ** rng.next()));
}

export function buildSkus(
  rng: Rng,
  seed: string,
  skuBase: number,
  plan: SkuPlan,
  basePriceYuan: number,
  ending: PriceEnding,
  imageIndexByColour: ReadonlyMap<string, number>,
): DemoSku[] {
  const colourOptions: (string | null)[] = plan.colourSpec === null ? [null] : plan.colours;
  const specOptions: (number | null)[] = plan.spec ? plan.spec.values.map((_, i) => i) : [null];
  const skus: DemoSku[] = [];
  for (const colour of colourOptions) {
    for (const specIndex of specOptions) {
      const attributes: DemoSkuAttribute[] = [];
      if (colour !== null && plan.colourSpec !== null) attributes.push({ name: plan.colourSpec, value: colour });
      let factor = 1;
      if (plan.spec && specIndex !== null) {
        const { dimension, start, values } = plan.spec;
        const position = start + specIndex;
        factor = dimension.factors?.[position] ?? 1 + (dimension.step ?? 0) * position;
        attributes.push({ name: dimension.name, value: values[specIndex] as string });
      }
      const skuNumber = skuBase + skus.length;
      const imageIndex = colour !== null && plan.colourSpec !== null ? imageIndexByColour.get(colour) : undefined;
      skus.push({
        skuId: String(skuNumber),
        specId: demoSpecId(seed, skuNumber),
        attributes,
        priceFen: niceFen(basePriceYuan * factor, ending),
        amountOnSale: stockFor(rng),
        ...(imageIndex === undefined ? {} : { imageIndex }),
      });
    }
  }
  return skus;
}
