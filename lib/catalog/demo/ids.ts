import { fmix32, hashString } from './random';

/**
 * Upstream-shaped identifiers, derived from the offer index by bijections so that uniqueness is
 * a property of the arithmetic, not of luck:
 * - offer id: 12 digits starting with 6 (1688's current range): 6 followed by a keyed
 *   permutation of the index over [0, 10^11), so neighbouring offers get unrelated ids;
 * - SKU id: 13 digits, a block of 32 consecutive ids per offer (1688 numbers an offer's SKUs
 *   consecutively too), the block chosen by a second permutation;
 * - spec id: 32 hex, built from a bijection of the SKU id.
 *
 * The permutations are 4-round Feistel networks on a power-of-two domain with cycle walking
 * (re-apply until the value lands inside the target range), which stays a bijection on that
 * range and is invertible, so the sandbox can map an offer id back to its index.
 */

const OFFER_SPACE = 100_000_000_000; // 10^11
const SKU_BLOCK = 32;
const SKU_SPACE = 31_250_000_000; // 10^12 / 32: 4·10^12 + block·32 + 31 stays 13 digits
export const MAX_SKUS_PER_OFFER = 30;
/** The largest index both permutations accept. */
export const MAX_OFFER_INDEX = SKU_SPACE - 1;

type Permutation = { halfBits: number; limit: number; keys: readonly number[] };

function feistel(x: number, p: Permutation, inverse: boolean): number {
  const size = 2 ** p.halfBits;
  const mask = size - 1;
  let left = Math.floor(x / size);
  let right = x % size;
  // Plain temporaries rather than [a, b] = [b, a]: this runs a few times per id, 1.1M ids per 100k offers.
  if (!inverse) {
    for (const key of p.keys) {
      const next = (left ^ (fmix32(right ^ key) & mask)) >>> 0;
      left = right;
      right = next;
    }
  } else {
    for (let i = p.keys.length - 1; i >= 0; i--) {
      const previous = (right ^ (fmix32(left ^ (p.keys[i] as number)) & mask)) >>> 0;
      right = left;
      left = previous;
    }
  }
  return left * size + right;
}

/** Cycle walking: a permutation of [0, 4^halfBits) restricted to [0, limit) is a permutation of it. */
function permute(x: number, p: Permutation, inverse = false): number {
  let y = feistel(x, p, inverse);
  while (y >= p.limit) y = feistel(y, p, inverse);
  return y;
}

type IdParams = { offer: Permutation; sku: Permutation; spec: readonly [number, number, number, number] };
const paramCache = new Map<string, IdParams>();

function params(seed: string): IdParams {
  let p = paramCache.get(seed);
  if (!p) {
    p = {
      offer: { halfBits: 19, limit: OFFER_SPACE, keys: hashString(`${seed}:offer-ids`) }, // 2^38 ≈ 2.7·10^11
      sku: { halfBits: 18, limit: SKU_SPACE, keys: hashString(`${seed}:sku-ids`) }, // 2^36 ≈ 6.9·10^10
      spec: hashString(`${seed}:spec-ids`),
    };
    // A process uses one or two seeds; the bound only guards against a caller looping over seeds.
    if (paramCache.size > 16) paramCache.clear();
    paramCache.set(seed, p);
  }
  return p;
}

function checkIndex(index: number): number {
  if (!Number.isSafeInteger(index) || index < 0 || index > MAX_OFFER_INDEX) {
    throw new RangeError(`Offer index must be an integer in [0, ${MAX_OFFER_INDEX}], got ${index}`);
  }
  return index;
}

export function demoOfferId(seed: string, index: number): string {
  return String(600_000_000_000 + permute(checkIndex(index), params(seed).offer));
}

/**
 * The index an offer id was generated from, or null if none maps to it. Lets the 1688 sandbox
 * answer `offerId=…` by regenerating one offer instead of holding 100k in memory; callers
 * still check the index against their catalog size.
 */
export function demoOfferIndex(seed: string, offerId: string): number | null {
  if (!/^6\d{11}$/.test(offerId)) return null;
  const index = permute(Number(offerId) - 600_000_000_000, params(seed).offer, true);
  return index <= MAX_OFFER_INDEX ? index : null;
}

/** The first SKU id of an offer; SKU k is `base + k`. */
export function demoSkuBase(seed: string, index: number): number {
  return 4_000_000_000_000 + permute(checkIndex(index), params(seed).sku) * SKU_BLOCK;
}

export function demoSpecId(seed: string, skuId: number): string {
  const [s1, s2, s3, s4] = params(seed).spec;
  const low = skuId % 4294967296;
  const high = Math.floor(skuId / 4294967296);
  // fmix32 is a bijection, so (low, high) ↦ (w1, w2) is one too, and w2 ↦ w4 is one for a
  // given w1: (w1, w4) identifies the SKU, so distinct SKUs get distinct spec ids.
  const w1 = fmix32(low ^ s1);
  const w2 = fmix32(high ^ s2);
  const w3 = fmix32(w1 ^ s3);
  const w4 = fmix32((w2 ^ w1) + s4);
  return hex8(w3) + hex8(w1) + hex8(w4) + hex8(fmix32(w3 ^ w4));
}

// A byte table instead of toString(16).padStart: spec ids are built a million times per 100k offers.
const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(word: number): string {
  return (
    (HEX_BYTES[word >>> 24] as string) +
    (HEX_BYTES[(word >>> 16) & 255] as string) +
    (HEX_BYTES[(word >>> 8) & 255] as string) +
    (HEX_BYTES[word & 255] as string)
  );
}
