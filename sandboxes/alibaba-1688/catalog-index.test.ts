import { describe, expect, it } from 'vitest';
import { generateOffer } from '../../lib/catalog/demo';
import { CatalogIndex, type IndexPage } from './catalog-index';
import { CatalogWorld } from './catalog-world';
import { modifyOffers } from './modify-offers';

const SEED = 'ferry-demo';

async function walk(next: (after: IndexPage['next']) => IndexPage | Promise<IndexPage>): Promise<{ indexes: number[]; pages: number; totals: number[] }> {
  const indexes: number[] = [];
  const totals: number[] = [];
  let after: IndexPage['next'] = null;
  let pages = 0;
  do {
    const page = await next(after);
    indexes.push(...page.indexes);
    totals.push(page.total);
    after = page.next;
    pages++;
  } while (after && pages < 1000);
  return { indexes, pages, totals };
}

const changedWalk = (index: CatalogIndex, since: number, size: number) =>
  walk((after) => index.changedPage(since, after && after.kind === 'changed' ? { time: after.afterTime, id: after.afterId } : null, size));

describe('CatalogIndex', () => {
  it('walks the whole catalog once, in offer id order, page by page', async () => {
    const world = new CatalogWorld(SEED, 300);
    const index = new CatalogIndex(world);
    const result = await walk((after) => index.fullPage(after && after.kind === 'full' ? after.afterId : null, 50));
    expect(result.pages).toBe(6);
    expect(new Set(result.indexes).size).toBe(300);
    const ids = result.indexes.map((i) => Number(world.live(i).offer.offerId));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(result.totals.every((t) => t === 300)).toBe(true);
  });

  it('walks exactly the offers changed since a moment after start-up', async () => {
    const world = new CatalogWorld(SEED, 300);
    const index = new CatalogIndex(world);
    const before = Date.now() + 1;
    expect((await index.changedPage(before, null, 10)).total).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { offerIds } = modifyOffers(world, 0.1, 'unit');
    expect(offerIds).toHaveLength(30);
    const result = await changedWalk(index, before, 7);
    expect(result.indexes.map((i) => world.live(i).offer.offerId).sort()).toEqual([...offerIds].sort());
    expect(result.totals[0]).toBe(30);
  });

  it('includes untouched base offers for an older start, and each changed offer once with its new time', async () => {
    const world = new CatalogWorld(SEED, 200);
    const index = new CatalogIndex(world);
    const since = Date.UTC(2025, 6, 1);
    const old = Array.from({ length: 200 }, (_, i) => i).filter((i) => Date.parse(generateOffer(SEED, i).modifiedAt) >= since);
    const { offerIds } = modifyOffers(world, 0.05, 'older');
    const expected = new Set([...old.map((i) => generateOffer(SEED, i).offerId), ...offerIds]);
    const result = await changedWalk(index, since, 9);
    const seen = result.indexes.map((i) => world.live(i).offer.offerId);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(expected);
    expect(result.totals[0]).toBe(expected.size);
    // Modification order: the changed offers come last, after every base offer.
    expect(seen.slice(-offerIds.length).sort()).toEqual([...offerIds].sort());
  });

  it('shows an offer changed again mid-walk later in the same walk instead of losing it', async () => {
    const world = new CatalogWorld(SEED, 100);
    const index = new CatalogIndex(world);
    const since = Date.now();
    const { offerIds } = modifyOffers(world, 0.2, 'mid');
    const first = await index.changedPage(since, null, 5);
    const changedAgain = first.indexes[0] as number;
    await new Promise((resolve) => setTimeout(resolve, 5));
    world.changeSkus(changedAgain, [{ skuId: world.live(changedAgain).offer.skus[0]!.skuId, stock: 1 }]);
    const rest: number[] = [];
    for (let after = first.next; after?.kind === 'changed'; ) {
      const page = await index.changedPage(since, { time: after.afterTime, id: after.afterId }, 5);
      rest.push(...page.indexes);
      after = page.next;
    }
    const all = [...first.indexes, ...rest];
    expect(new Set(all.map((i) => world.live(i).offer.offerId))).toEqual(new Set(offerIds));
    expect(all.filter((i) => i === changedAgain)).toHaveLength(2);
  });

  it('finds offers by the words of their subject', async () => {
    const world = new CatalogWorld(SEED, 120);
    const index = new CatalogIndex(world);
    const subject = generateOffer(SEED, 42).subject;
    const term = subject.slice(0, 4);
    const result = await index.search([term], 0, 200);
    expect(result.indexes).toContain(42);
    expect(result.indexes.every((i) => generateOffer(SEED, i).subject.includes(term))).toBe(true);
    expect(result.total).toBe(result.indexes.length);
    expect((await index.search(['没有这个词的商品'], 0, 10)).total).toBe(0);
  });
});
