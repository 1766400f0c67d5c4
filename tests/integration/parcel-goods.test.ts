import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orderItems, orders } from '@/db/schema';
import { products, skus } from '@/db/schema/catalog';
import { parcels } from '@/db/schema/parcels';
import { shippingLines } from '@/db/schema/shipping';
import { createUser } from '@/lib/auth/create-user';
import { setProductGoods } from '@/lib/catalog/goods/set-product-goods';
import { importProducts } from '@/lib/catalog/import/import-products';
import { AppError } from '@/lib/errors';
import { offlineProvider } from '@/lib/i18n/translate/offline';
import { createParcel, type CreateParcelInput } from '@/lib/parcels/create-parcel';
import { packParcel } from '@/lib/parcels/pack-parcel';
import { goodsOfItems } from '@/lib/parcels/parcel-goods';
import { quoteParcel } from '@/lib/parcels/quote-parcel';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import { setItemGoods } from '@/lib/warehouse/set-item-goods';
import { createCheckoutWorld, type CheckoutWorld } from '../support/checkout-fixtures';
import { placePaidOrder } from '../support/purchasing-world';

// Goods a line may refuse, from the listing to the parcel, against real MariaDB: the import classifies
// a power bank, a parcel holds the union of its items' goods, a battery-refusing line refuses it
// (nothing written) and the battery line takes it; the warehouse's and staff's flags change the quote
// and are audited; packing quotes with the parcel's goods.
const address = { name: 'Ana Ruiz', line1: 'Calle Mayor 1', line2: null, city: 'Madrid', region: null, postalCode: '28013', country: 'ES', phone: '+34911234567' };

let world: CheckoutWorld;
let shopper: { id: number; email: string };
let lineIds: Record<string, number>;
let powerBankSkuId: number;
let shirtSkuId: number;
let shirtProductId: number;

const listing = (sourceId: string, title: string, categorySlug: string, attributes: { name: string; value: string }[]): SourceProduct => ({
  platform: '1688',
  sourceId,
  sourceUrl: `https://detail.1688.com/offer/${sourceId}.html`,
  title,
  description: null,
  attributes,
  categorySlug,
  seller: { sourceId: 'goods-seller', name: '东莞测试电子厂', location: '广东东莞', rating: 45 },
  images: [],
  skus: [{ sourceSkuId: `${sourceId}-1`, attributes: [{ name: '颜色', value: '粉色' }], priceMinor: 4_500, stock: 1000, imageIndex: null }],
  weightGrams: 300,
  domesticShippingMinor: 0,
  salesCount: 0,
  sourceUpdatedAt: new Date('2026-01-01T00:00:00Z'),
});

beforeAll(async () => {
  world = await createCheckoutWorld('ferry_test_goods', 2);
  shopper = await createUser(world.db, { email: `goods-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
  const lines = await world.db.select({ id: shippingLines.id, code: shippingLines.code }).from(shippingLines);
  lineIds = Object.fromEntries(lines.map((l) => [l.code, l.id]));
  const imported = await importProducts(
    world.db,
    [
      listing('700000000001', '跨境磁吸充电宝10000毫安大容量快充移动电源', 'power-banks', [{ name: '电池类型', value: '聚合物锂电池' }]),
      listing('700000000002', '2025夏季新款纯棉短袖T恤女', 'womens-t-shirts', [{ name: '材质', value: '棉' }]),
    ],
    { translator: offlineProvider, locales: ['en'] },
  );
  const [powerBankId, shirtId] = imported.productIds;
  shirtProductId = shirtId!;
  const rows = await world.db.select({ id: skus.id, productId: skus.productId }).from(skus).where(inArray(skus.productId, [powerBankId!, shirtId!]));
  powerBankSkuId = rows.find((r) => r.productId === powerBankId)!.id;
  shirtSkuId = rows.find((r) => r.productId === shirtId)!.id;
});
afterAll(async () => world?.close());

const actor = { type: 'user' as const, id: 1, label: 'goods@ferry.test' };

/** A paid order of these SKUs, its items received, weighed and accepted (the warehouse's steps written directly). */
async function acceptedItems(skuIds: number[]): Promise<number[]> {
  const order = await placePaidOrder(world, skuIds.map((skuId) => ({ skuId, quantity: 1 })), { customer: { type: 'user', userId: shopper.id, email: shopper.email } });
  await world.db.update(orders).set({ status: 'arrived' }).where(eq(orders.id, order.id));
  await world.db.update(orderItems).set({ purchaseStatus: 'purchased', fulfilmentStatus: 'accepted', receivedAt: new Date(), weightGrams: 300 }).where(eq(orderItems.orderId, order.id));
  const items = await world.db.select({ id: orderItems.id, skuId: orderItems.skuId }).from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(asc(orderItems.id));
  return skuIds.map((skuId) => items.find((i) => i.skuId === skuId)!.id);
}

const input = (itemIds: number[], line: string): CreateParcelInput => ({
  owner: { type: 'user', userId: shopper.id },
  itemIds,
  lineId: lineIds[line]!,
  address,
  services: [],
  currency: 'EUR',
  gateway: 'sandbox',
  actor: { type: 'user', id: shopper.id, label: shopper.email },
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function quoteItems(itemIds: number[]) {
  const { parcel: goods } = await goodsOfItems(world.db, itemIds);
  const items = await world.db.select().from(orderItems).where(inArray(orderItems.id, itemIds));
  const { result } = await quoteParcel(world.db, { items, country: 'ES', currency: 'EUR', declaredValueCny: 4_500, goods });
  return { goods, ems: result.unavailable.find((u) => u.lineId === lineIds.ems) ?? null, emsQuote: result.quotes.find((q) => q.lineId === lineIds.ems) ?? null };
}

const audits = (action: string, subjectId: number) =>
  world.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.subjectId, String(subjectId)))).orderBy(desc(auditLog.id));

describe('goods from the listing to the parcel', () => {
  it('classifies listings at import: the power bank holds a battery and a magnet, the T-shirt nothing', async () => {
    const rows = await world.db.select({ sourceId: products.sourceId, goods: products.goodsDetected }).from(products).where(inArray(products.sourceId, ['700000000001', '700000000002']));
    const goods = Object.fromEntries(rows.map((r) => [r.sourceId, typeof r.goods === 'string' ? JSON.parse(r.goods) : r.goods]));
    expect(goods).toEqual({ '700000000001': ['battery', 'magnet'], '700000000002': [] });
  });

  it('refuses a parcel holding a battery on a line that refuses batteries (422, nothing written), and the battery line takes it with the union of its items’ goods', async () => {
    const [powerBank, shirt] = await acceptedItems([powerBankSkuId, shirtSkuId]);
    const before = await world.db.select({ id: parcels.id }).from(parcels);
    const refused = await refusal(createParcel(world.db, input([powerBank!, shirt!], 'ems')));
    expect(refused.code).toBe('line_unavailable');
    expect(refused.details).toMatchObject({ reason: 'refused_goods', reasons: [{ code: 'refused_goods', goods: ['battery', 'magnet'] }] });
    expect(refused.message).toMatch(/\(refused_goods\)/);
    expect(await world.db.select({ id: parcels.id }).from(parcels)).toHaveLength(before.length);
    const still = await world.db.select({ status: orderItems.fulfilmentStatus }).from(orderItems).where(inArray(orderItems.id, [powerBank!, shirt!]));
    expect(still.map((s) => s.status)).toEqual(['accepted', 'accepted']);

    // battery-air refuses liquids, powders and brands, not batteries or magnets.
    const parcel = await createParcel(world.db, input([powerBank!, shirt!], 'battery-air'));
    expect(parcel.goods).toEqual(['battery', 'magnet']);
  });

  it('packs with the parcel’s goods: a line that has since come to refuse them cannot take it as packed', async () => {
    const [powerBank] = await acceptedItems([powerBankSkuId]);
    const parcel = await createParcel(world.db, input([powerBank!], 'battery-air'));
    await world.db.update(parcels).set({ status: 'paid', paidAt: new Date() }).where(eq(parcels.id, parcel.id));
    const [line] = await world.db.select({ refusedGoods: shippingLines.refusedGoods }).from(shippingLines).where(eq(shippingLines.id, lineIds['battery-air']!));
    await world.db.update(shippingLines).set({ refusedGoods: ['battery', 'liquid', 'powder', 'brand'] }).where(eq(shippingLines.id, lineIds['battery-air']!));
    try {
      const refused = await refusal(packParcel(world.db, { number: parcel.number, weightGrams: 400, dims: { lengthCm: 20, widthCm: 15, heightCm: 10 }, actor }));
      expect(refused).toMatchObject({ code: 'line_unavailable', details: { reason: 'refused_goods' } });
    } finally {
      await world.db.update(shippingLines).set({ refusedGoods: line!.refusedGoods }).where(eq(shippingLines.id, lineIds['battery-air']!));
    }
    const packed = await packParcel(world.db, { number: parcel.number, weightGrams: 400, dims: { lengthCm: 20, widthCm: 15, heightCm: 10 }, actor });
    expect(packed.status).not.toBe('paid');
  });

  it('quotes with what the warehouse marked on the item, audited, and only while the item is on the shelf', async () => {
    const [shirt] = await acceptedItems([shirtSkuId]);
    expect((await quoteItems([shirt!])).emsQuote).not.toBeNull();

    const marked = await setItemGoods(world.db, { itemId: shirt!, goods: ['liquid'] }, actor);
    expect(marked).toEqual({ itemId: shirt!, goods: ['liquid'], isMarked: true });
    const quoted = await quoteItems([shirt!]);
    expect(quoted.goods).toEqual(['liquid']);
    expect(quoted.ems).toMatchObject({ reason: 'refused_goods', reasons: [{ code: 'refused_goods', goods: ['liquid'] }] });
    const [audit] = await audits('item.goods_set', shirt!);
    expect(audit!.details).toMatchObject({ from: [], to: ['liquid'], marked: ['liquid'] });

    // Bad input changes nothing.
    await expect(setItemGoods(world.db, { itemId: shirt!, goods: ['plutonium' as 'battery'] }, actor)).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await quoteItems([shirt!])).goods).toEqual(['liquid']);

    // Back to the product's flags.
    await setItemGoods(world.db, { itemId: shirt!, goods: null }, actor);
    expect((await quoteItems([shirt!])).goods).toEqual([]);

    await createParcel(world.db, input([shirt!], 'ems'));
    await expect(setItemGoods(world.db, { itemId: shirt!, goods: ['battery'] }, actor)).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('takes staff’s flags on the product over the classifier’s, audited, for items the warehouse has not marked', async () => {
    const [shirt] = await acceptedItems([shirtSkuId]);
    const [marked] = await acceptedItems([shirtSkuId]);
    await setItemGoods(world.db, { itemId: marked!, goods: [] }, actor);

    await setProductGoods(world.db, { productId: shirtProductId, goods: ['magnet'] }, actor);
    try {
      const quoted = await quoteItems([shirt!]);
      expect(quoted.goods).toEqual(['magnet']);
      expect(quoted.ems).toMatchObject({ reason: 'refused_goods', reasons: [{ code: 'refused_goods', goods: ['magnet'] }] });
      // The warehouse said what this one is: the product's flags do not reach it.
      expect((await quoteItems([marked!])).goods).toEqual([]);
      const [audit] = await audits('product.goods_set', shirtProductId);
      expect(audit!.details).toMatchObject({ from: [], to: ['magnet'], override: ['magnet'], detected: [] });
      expect(audit!.actorLabel).toBe(actor.label);
    } finally {
      await setProductGoods(world.db, { productId: shirtProductId, goods: null }, actor);
    }
    expect((await quoteItems([shirt!])).emsQuote).not.toBeNull();
    await expect(setProductGoods(world.db, { productId: 999_999_999, goods: [] }, actor)).rejects.toMatchObject({ code: 'not_found' });
  });
});
