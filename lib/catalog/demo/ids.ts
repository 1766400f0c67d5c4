import { fmix32, hashString } from './random';

/**
 * Upstream-shaped identifiers, derived from the offer index by bijections so that uniqueness is
 * a property of the arithmetic, not of luck:
 * - offer id: 12 digits starting with 6 (1688's current range), an affine permutation of the
 *   index modulo 10^11, so neighbouring indexes do not give neighbouring ids;
 * - SKU id: 13 digits, a block of 32 consecutive ids per offer (1688 numbers an offer's SKUs
 *   consecutively too);
 * - spec id: 32 hex, two words a bijection of the SKU id plus two words of hash for looks.
 */

const OFFER_SPACE = 100_000_000_000n; // 10^11 = 2^11 · 5^11
const SKU_BLOCK = 32;
const SKU_SPACE = 31_250_000_000n; // 10^12 / 32 = 2^7 · 5^12, so 4·10^12 + block·32 stays 13 digits
export const MAX_SKUS_PER_OFFER = 30;
/** The largest index both permutations can take without wrapping. */
export const MAX_OFFER_INDEX = Number(SKU_SPACE) - 1;

type Affine = { multiplier: bigint; offset: bigint };
const affineCache = new Map<string, { offer: Affine; sku: Affine; spec: readonly number[] }>();

/** A multiplier coprime to 2·5 makes `a·i + b mod 10^k` a permutation. */
function coprimeMultiplier(word: number): bigint {
  let a = (word | 1) >>> 0;
  if (a % 5 === 0) a += 2;
  return BigInt(a);
}

function params(seed: string) {
  let p = affineCache.get(seed);
  if (!p) {
    const [w1, w2, w3, w4] = hashString(`${seed}:ids`);
    const [s1, s2, s3, s4] = hashString(`${seed}:spec`);
    p = {
      offer: { multiplier: coprimeMultiplier(w1), offset: (BigInt(w2) * 65_537n) % OFFER_SPACE },
      sku: { multiplier: coprimeMultiplier(w3), offset: (BigInt(w4) * 257n) % SKU_SPACE },
      spec: [s1, s2, s3, s4],
    };
    if (affineCache.size > 16) affineCache.clear();
    affineCache.set(seed, p);
  }
  return p;
}

function checkIndex(index: number): bigint {
  if (!Number.isSafeInteger(index) || index < 0 || index > MAX_OFFER_INDEX) {
    throw new RangeError(`Offer index must be an integer in [0, ${MAX_OFFER_INDEX}], got ${index}`);
  }
  return BigInt(index);
}

export function demoOfferId(seed: string, index: number): string {
  const { multiplier, offset } = params(seed).offer;
  return String(600_000_000_000n + ((multiplier * checkIndex(index) + offset) % OFFER_SPACE));
}

/** The first SKU id of an offer; SKU k is `base + k`. */
export function demoSkuBase(seed: string, index: number): number {
  const { multiplier, offset } = params(seed).sku;
  const block = (multiplier * checkIndex(index) + offset) % SKU_SPACE;
  return 4_000_000_000_000 + Number(block) * SKU_BLOCK;
}

export function demoSpecId(seed: string, skuId: number): string {
  const [s1, s2, s3, s4] = params(seed).spec as [number, number, number, number];
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

/** a⁻¹ mod m by the extended Euclidean algorithm (a and m coprime by construction). */
function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

const inverseCache = new Map<string, bigint>();

/**
 * The index an offer id was generated from, or null if no index maps to it. Lets the 1688
 * sandbox answer `offerId=…` by regenerating one offer instead of holding 100k in memory;
 * callers still check the index against their catalog size.
 */
export function demoOfferIndex(seed: string, offerId: string): number | null {
  if (!/^6\d{11}$/.test(offerId)) return null;
  const { multiplier, offset } = params(seed).offer;
  let inverse = inverseCache.get(seed);
  if (inverse === undefined) {
    inverse = modInverse(multiplier, OFFER_SPACE);
    if (inverseCache.size > 16) inverseCache.clear();
    inverseCache.set(seed, inverse);
  }
  const shifted = (((BigInt(offerId) - 600_000_000_000n - offset) % OFFER_SPACE) + OFFER_SPACE) % OFFER_SPACE;
  const index = (shifted * inverse) % OFFER_SPACE;
  return index <= BigInt(MAX_OFFER_INDEX) ? Number(index) : null;
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
