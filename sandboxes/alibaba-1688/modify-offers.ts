import { createRng, hash32 } from '../../lib/catalog/demo';
import { WorldError, type CatalogWorld, type SkuChange } from './catalog-world';

/**
 * Changes price and stock of a share of the catalog at once, as a busy day upstream would: what
 * the incremental-sync benchmark walks afterwards. Which offers, and how they change, follows
 * from `seed` and their current state, so a run can be repeated.
 */
export function modifyOffers(world: CatalogWorld, fraction: number, seed = 'modify'): { offerIds: string[]; at: number } {
  if (typeof fraction !== 'number' || !(fraction >= 0 && fraction <= 1)) throw new WorldError('fraction must be a number in [0, 1]');
  const count = Math.round(fraction * world.size);
  // Exactly `count` offers: the ones whose hash under this seed is smallest.
  const keys = new Uint32Array(world.size);
  for (let i = 0; i < world.size; i++) keys[i] = hash32(`${seed}:${i}`);
  const chosen = Uint32Array.from({ length: world.size }, (_, i) => i)
    .sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b)
    .subarray(0, count)
    .sort();

  const at = world.nextChangeTime();
  const offerIds: string[] = [];
  for (const index of chosen) {
    const { offer } = world.live(index);
    const rng = createRng(`${seed}:change:${index}:${offer.modifiedAt}`);
    const changes: SkuChange[] = offer.skus.map((sku) => {
      // Prices move by up to ±15% in 10-fen steps (never below 0.10 yuan); stock is re-counted.
      const factor = 1 + (rng.next() * 0.3 - 0.15);
      const priceFen = Math.max(10, Math.round((sku.priceFen * factor) / 10) * 10);
      const stock = rng.chance(0.05) ? 0 : rng.int(0, 9999);
      return { skuId: sku.skuId, priceFen, stock };
    });
    world.changeSkus(index, changes, at);
    offerIds.push(offer.offerId);
  }
  return { offerIds, at };
}
