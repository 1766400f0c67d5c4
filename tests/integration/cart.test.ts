import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema/accounts';
import { cartLines, carts } from '@/db/schema/carts';
import { productImages, products, productTranslations, skus } from '@/db/schema/catalog';
import { orders } from '@/db/schema/orders';
import { seedDemo } from '@/lib/demo/seed';
import { addToCart } from '@/lib/cart/add-to-cart';
import { listAddresses } from '@/lib/addresses/address-book';
import { checkOutCart, type CheckOutCartInput } from '@/lib/checkout/check-out-cart';
import { countCartItems } from '@/lib/cart/count-cart-items';
import { getCart } from '@/lib/cart/get-cart';
import { newGuestToken } from '@/lib/cart/guest-token';
import { mergeGuestCart } from '@/lib/cart/merge-guest-cart';
import { removeCartLine } from '@/lib/cart/remove-cart-line';
import type { CartOwner } from '@/lib/cart/types';
import { updateCartLine } from '@/lib/cart/update-cart-line';
import { parseEnv } from '@/lib/env';
import { getOrderDetail } from '@/lib/orders/queries/get-order-detail';
import { getOrderStatus } from '@/lib/orders/queries/get-order-status';
import { listUserOrders } from '@/lib/orders/queries/list-user-orders';
import { AppError } from '@/lib/errors';
import { createTestDatabase } from '../support/test-database';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let skuIds: number[] = [];

beforeAll(async () => {
  handle = await createTestDatabase('ferry_test_cart');
  await seedDemo(handle.db, { count: 10, mediaDir: await mkdtemp(path.join(os.tmpdir(), 'ferry-media-')) });
  const rows = await handle.db
    .select({ id: skus.id })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(eq(products.isActive, 1))
    .orderBy(asc(skus.id));
  skuIds = rows.map((r) => r.id);
  expect(skuIds.length).toBeGreaterThanOrEqual(12);
});
afterAll(async () => handle?.drop());

let skuCursor = 0;
/** A SKU no other test touches, with exactly `sellable` units to sell (stock − reserved). */
async function freshSku(sellable: number, reserved = 0): Promise<number> {
  const id = skuIds[skuCursor++]!;
  await handle.db.update(skus).set({ stock: sellable + reserved, reserved }).where(eq(skus.id, id));
  return id;
}

async function newUser(): Promise<CartOwner & { kind: 'user' }> {
  const [row] = await handle.db
    .insert(users)
    .values({ email: `shopper-${randomUUID()}@ferry.test`, passwordHash: 'not-a-real-hash' })
    .$returningId();
  return { kind: 'user', userId: row!.id };
}

const guest = (): CartOwner & { kind: 'guest' } => ({ kind: 'guest', guestToken: newGuestToken() });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function quantityOf(owner: CartOwner, skuId: number): Promise<number | undefined> {
  const cart = await getCart(handle.db, owner, 'en');
  return cart.lines.find((l) => l.skuId === skuId)?.quantity;
}

describe('addToCart', () => {
  it('adds up to the sellable units (stock − reserved) and refuses more with out_of_stock', async () => {
    const owner = await newUser();
    const sku = await freshSku(4, 3);
    await addToCart(handle.db, owner, { skuId: sku, quantity: 3 });
    const error = await rejection(addToCart(handle.db, owner, { skuId: sku, quantity: 2 }));
    expect(error.code).toBe('out_of_stock');
    expect(error.details).toMatchObject({ skuId: sku, available: 4, inCart: 3 });
    expect(await quantityOf(owner, sku)).toBe(3);
    await addToCart(handle.db, owner, { skuId: sku, quantity: 1 });
    expect(await quantityOf(owner, sku)).toBe(4);
  });

  it('keeps one line per SKU under concurrent adds and never passes the stock', async () => {
    const owner = await newUser();
    const sku = await freshSku(5);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => addToCart(handle.db, owner, { skuId: sku, quantity: 1 })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    // The rest were refused for stock, not lost to a deadlock or a duplicate line.
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : []));
    expect(refusals).toEqual(['out_of_stock', 'out_of_stock', 'out_of_stock']);
    const lines = await handle.db.select().from(cartLines).where(eq(cartLines.skuId, sku));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.quantity).toBe(5);
  });

  it('refuses a product taken off sale with not_found', async () => {
    const owner = await newUser();
    const sku = await freshSku(10);
    const [{ productId } = { productId: 0 }] = await handle.db.select({ productId: skus.productId }).from(skus).where(eq(skus.id, sku));
    await handle.db.update(products).set({ isActive: 0 }).where(eq(products.id, productId));
    try {
      expect((await rejection(addToCart(handle.db, owner, { skuId: sku, quantity: 1 }))).code).toBe('not_found');
    } finally {
      await handle.db.update(products).set({ isActive: 1 }).where(eq(products.id, productId));
    }
  });

  it('reads the cart back grouped by seller with titles, prices, stock and the unit count', async () => {
    const owner = await newUser();
    const a = await freshSku(9);
    const b = await freshSku(9);
    await addToCart(handle.db, owner, { skuId: a, quantity: 2 });
    await addToCart(handle.db, owner, { skuId: b, quantity: 1 });
    const cart = await getCart(handle.db, owner, 'ja');
    expect(cart.lines.map((l) => l.skuId)).toEqual([a, b]);
    expect(cart.groups.flatMap((g) => g.lines.map((l) => l.skuId)).sort()).toEqual([a, b].sort());
    const line = cart.lines[0]!;
    expect(line).toMatchObject({ quantity: 2, sellable: 9, isActive: true });
    expect(line.title.length).toBeGreaterThan(0);
    expect(line.unitPriceCny).toBeGreaterThan(0);
    expect(line.sellerName.length).toBeGreaterThan(0);
    expect(cart.itemCount).toBe(3);
    expect(await countCartItems(handle.db, owner)).toBe(3);
  });
});

describe('updateCartLine and removeCartLine', () => {
  it('sets a quantity within 1..sellable, refuses more, and 0 removes the line', async () => {
    const owner = await newUser();
    const sku = await freshSku(6);
    const { lineId } = await addToCart(handle.db, owner, { skuId: sku, quantity: 1 });
    await updateCartLine(handle.db, owner, lineId, { quantity: 6, remark: '  if red is gone, take blue ' });
    const cart = await getCart(handle.db, owner, 'en');
    expect(cart.lines[0]).toMatchObject({ quantity: 6, remark: 'if red is gone, take blue' });

    const error = await rejection(updateCartLine(handle.db, owner, lineId, { quantity: 7 }));
    expect(error.code).toBe('out_of_stock');
    expect(error.details).toMatchObject({ available: 6 });
    expect((await rejection(updateCartLine(handle.db, owner, lineId, { remark: 'x'.repeat(301) }))).code).toBe('validation_failed');
    expect(await quantityOf(owner, sku)).toBe(6);

    expect(await updateCartLine(handle.db, owner, lineId, { quantity: 0 })).toEqual({ removed: true, quantity: 0 });
    expect(await quantityOf(owner, sku)).toBeUndefined();
  });

  it('answers not_found for another owner’s line, and leaves it untouched', async () => {
    const alice = await newUser();
    const bob = await newUser();
    const stranger = guest();
    const sku = await freshSku(5);
    const { lineId } = await addToCart(handle.db, alice, { skuId: sku, quantity: 2 });
    await addToCart(handle.db, bob, { skuId: await freshSku(5), quantity: 1 });

    expect((await rejection(updateCartLine(handle.db, bob, lineId, { quantity: 1 }))).code).toBe('not_found');
    expect((await rejection(updateCartLine(handle.db, stranger, lineId, { remark: 'mine now' }))).code).toBe('not_found');
    expect((await rejection(removeCartLine(handle.db, bob, lineId))).code).toBe('not_found');
    expect((await rejection(removeCartLine(handle.db, stranger, lineId))).code).toBe('not_found');
    expect(await quantityOf(alice, sku)).toBe(2);

    await removeCartLine(handle.db, alice, lineId);
    expect(await quantityOf(alice, sku)).toBeUndefined();
    expect((await rejection(removeCartLine(handle.db, alice, lineId))).code).toBe('not_found');
  });
});

describe('mergeGuestCart', () => {
  it('sums lines into the user’s cart, caps at the sellable units, deletes the guest cart, and runs once', async () => {
    const user = await newUser();
    const visitor = guest();
    const shared = await freshSku(5);
    const capped = await freshSku(3);
    const guestOnly = await freshSku(8);
    const soldOutSince = await freshSku(4);

    await addToCart(handle.db, user, { skuId: shared, quantity: 2 });
    await addToCart(handle.db, visitor, { skuId: shared, quantity: 2 });
    await addToCart(handle.db, visitor, { skuId: capped, quantity: 3 });
    await addToCart(handle.db, user, { skuId: capped, quantity: 1 });
    const { lineId: guestLine } = await addToCart(handle.db, visitor, { skuId: guestOnly, quantity: 4 });
    await updateCartLine(handle.db, visitor, guestLine, { remark: 'blue if no red' });
    await addToCart(handle.db, visitor, { skuId: soldOutSince, quantity: 1 });
    await handle.db.update(skus).set({ reserved: sql`${skus.stock}` }).where(eq(skus.id, soldOutSince));

    const result = await mergeGuestCart(handle.db, { guestToken: visitor.guestToken, userId: user.userId });
    expect(result.capped.sort()).toEqual([capped, soldOutSince].sort());

    const cart = await getCart(handle.db, user, 'en');
    const bySku = new Map(cart.lines.map((l) => [l.skuId, l]));
    expect(bySku.get(shared)?.quantity).toBe(4);
    expect(bySku.get(capped)?.quantity).toBe(3);
    expect(bySku.get(guestOnly)).toMatchObject({ quantity: 4, remark: 'blue if no red' });
    expect(bySku.has(soldOutSince)).toBe(false);

    const [guestCarts] = await handle.db.select({ n: count() }).from(carts).where(eq(carts.guestToken, visitor.guestToken));
    expect(guestCarts!.n).toBe(0);
    expect((await getCart(handle.db, visitor, 'en')).lines).toEqual([]);

    // A second sign-in (or a retried request) finds no guest cart and changes nothing.
    expect(await mergeGuestCart(handle.db, { guestToken: visitor.guestToken, userId: user.userId })).toEqual({ moved: 0, capped: [] });
    expect((await getCart(handle.db, user, 'en')).signature).toBe(cart.signature);
  });

  it('gives the user a cart when they had none', async () => {
    const user = await newUser();
    const visitor = guest();
    const sku = await freshSku(5);
    await addToCart(handle.db, visitor, { skuId: sku, quantity: 2 });
    await mergeGuestCart(handle.db, { guestToken: visitor.guestToken, userId: user.userId });
    expect(await quantityOf(user, sku)).toBe(2);
  });
});

describe('checkOutCart', () => {
  const env = parseEnv({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/unused', PAYMENT_GATEWAY: 'sandbox' });
  const address = { name: 'Jane Doe', line1: '1 Market Street', line2: null, city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US', phone: '+14155550132' };

  async function input(owner: CartOwner & { kind: 'user' }, over: Partial<CheckOutCartInput> = {}): Promise<CheckOutCartInput> {
    const cart = await getCart(handle.db, owner, 'en');
    return {
      user: { id: owner.userId, email: 'jane@ferry.test' },
      cartSignature: cart.signature,
      address: { address },
      currency: 'CNY',
      locale: 'en',
      valueAddedServices: ['careful_packing'],
      payment: 'card',
      checkoutToken: randomUUID(),
      ...over,
    };
  }

  it('turns the cart into one order, empties the bought lines, and a double submit returns the same order', async () => {
    const owner = await newUser();
    const a = await freshSku(10);
    const b = await freshSku(10);
    await addToCart(handle.db, owner, { skuId: a, quantity: 2 });
    const { lineId } = await addToCart(handle.db, owner, { skuId: b, quantity: 1 });
    await updateCartLine(handle.db, owner, lineId, { remark: 'take blue' });
    const submit = await input(owner);

    const [first, second] = await Promise.all([
      checkOutCart({ db: handle.db, redis: null, env }, submit),
      checkOutCart({ db: handle.db, redis: null, env }, submit),
    ]);
    expect(second.order.number).toBe(first.order.number);
    expect([first.created, second.created].filter(Boolean)).toHaveLength(1);
    const [{ n } = { n: 0 }] = await handle.db.select({ n: count() }).from(orders).where(like(orders.checkoutToken, `%${submit.checkoutToken}`));
    expect(n).toBe(1);
    expect(first.order.gateway).toBe('sandbox');
    expect((await getCart(handle.db, owner, 'en')).lines).toEqual([]);

    // The reserved units are the order's, exactly once.
    const [row] = await handle.db.select({ reserved: skus.reserved }).from(skus).where(eq(skus.id, a));
    expect(row!.reserved).toBe(2);

    const third = await checkOutCart({ db: handle.db, redis: null, env }, submit);
    expect(third).toMatchObject({ created: false, order: { number: first.order.number } });

    // The shopper's order pages read it back; another user reads nothing.
    const detail = await getOrderDetail(handle.db, owner.userId, first.order.number, 'en');
    expect(detail).toMatchObject({ status: 'pending', valueAddedServices: ['careful_packing'], shippingAddress: { city: 'San Francisco' } });
    expect(detail!.items.map((i) => [i.skuId, i.quantity, i.remark])).toEqual([
      [a, 2, null],
      [b, 1, 'take blue'],
    ]);
    expect(detail!.events.map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, 'pending']]);
    const stranger = await newUser();
    expect(await getOrderDetail(handle.db, stranger.userId, first.order.number, 'en')).toBeNull();
    expect(await getOrderStatus(handle.db, stranger.userId, first.order.number)).toBeNull();
    expect(await getOrderStatus(handle.db, owner.userId, first.order.number)).toEqual({ number: first.order.number, status: 'pending' });
    const list = await listUserOrders(handle.db, owner.userId);
    expect(list).toMatchObject({ total: 1, pages: 1, items: [{ number: first.order.number, itemCount: 3 }] });
    expect((await listUserOrders(handle.db, stranger.userId)).items).toEqual([]);
  });

  it("shows each order line with the bought SKU's own photo and its options in the page's language", async () => {
    // The last product with two SKUs and two ready photos (the other tests take SKUs from the front).
    const [candidate] = await handle.db
      .select({ productId: skus.productId })
      .from(skus)
      .innerJoin(products, eq(products.id, skus.productId))
      .where(and(eq(products.isActive, 1), sql`(select count(*) from product_images i where i.product_id = ${skus.productId} and i.status = 'ready' and i.storage_key is not null) >= 2`))
      .groupBy(skus.productId)
      .having(sql`count(*) >= 2`)
      .orderBy(desc(skus.productId))
      .limit(1);
    const productId = candidate!.productId;
    const [plain, green] = await handle.db.select({ id: skus.id, attributes: skus.attributes }).from(skus).where(eq(skus.productId, productId)).orderBy(asc(skus.id)).limit(2);
    const photos = await handle.db
      .select({ position: productImages.position, key: productImages.storageKey })
      .from(productImages)
      .where(and(eq(productImages.productId, productId), eq(productImages.status, 'ready')))
      .orderBy(asc(productImages.position));
    expect(green!.attributes.length).toBeGreaterThan(0);
    // The second SKU has its own photo (not the product's cover); the first has none.
    await handle.db.update(skus).set({ imagePosition: photos[1]!.position, stock: 10, reserved: 0 }).where(eq(skus.id, green!.id));
    await handle.db.update(skus).set({ imagePosition: null, stock: 10, reserved: 0 }).where(eq(skus.id, plain!.id));
    // German names for the green SKU's option value only; every other term falls back to English.
    const greenValue = green!.attributes[0]!.value;
    await handle.db
      .insert(productTranslations)
      .values({ productId, locale: 'de', title: 'Testkleid', attributes: { [greenValue]: 'Dunkelgrün' }, provider: 'test', translatedAt: new Date() })
      .onDuplicateKeyUpdate({ set: { attributes: { [greenValue]: 'Dunkelgrün' } } });

    const owner = await newUser();
    await addToCart(handle.db, owner, { skuId: plain!.id, quantity: 1 });
    await addToCart(handle.db, owner, { skuId: green!.id, quantity: 1 });
    const placed = await checkOutCart({ db: handle.db, redis: null, env }, await input(owner, { locale: 'de' }));
    const detail = await getOrderDetail(handle.db, owner.userId, placed.order.number, 'de');
    const bySku = new Map(detail!.items.map((i) => [i.skuId, i]));
    expect(bySku.get(green!.id)!.imageKey).toBe(photos[1]!.key);
    expect(bySku.get(plain!.id)!.imageKey).toBe(photos[0]!.key);
    expect(bySku.get(green!.id)!.attributes[0]!.value).toBe('Dunkelgrün');
    // No option name or value stays Chinese where English has it.
    const [english] = await handle.db.select({ attributes: productTranslations.attributes }).from(productTranslations).where(and(eq(productTranslations.productId, productId), eq(productTranslations.locale, 'en')));
    const names = typeof english!.attributes === 'string' ? (JSON.parse(english!.attributes) as Record<string, string>) : english!.attributes;
    for (const a of bySku.get(plain!.id)!.attributes) {
      expect(Object.values(names)).toContain(a.name);
      expect(Object.values(names)).toContain(a.value);
    }
  });

  it("never hands a shopper another shopper's order for the same checkout token: each gets their own", async () => {
    const alice = await newUser();
    const bob = await newUser();
    const sku = await freshSku(10);
    await addToCart(handle.db, alice, { skuId: sku, quantity: 1 });
    const alicesSubmit = await input(alice);
    const alicesOrder = await checkOutCart({ db: handle.db, redis: null, env }, alicesSubmit);

    // Bob posts Alice's hidden checkout token (seen over her shoulder, or guessed) with his own cart.
    await addToCart(handle.db, bob, { skuId: sku, quantity: 2 });
    const bobs = await checkOutCart({ db: handle.db, redis: null, env }, { ...(await input(bob)), user: { id: bob.userId, email: 'bob@ferry.test' }, checkoutToken: alicesSubmit.checkoutToken });
    expect(bobs.created).toBe(true);
    expect(bobs.order.number).not.toBe(alicesOrder.order.number);
    expect(bobs.order.payToken).not.toBe(alicesOrder.order.payToken);
    expect((await getOrderDetail(handle.db, bob.userId, bobs.order.number, 'en'))!.items.map((i) => i.quantity)).toEqual([2]);
    // Alice's own double submit still finds hers, and hers only.
    const again = await checkOutCart({ db: handle.db, redis: null, env }, alicesSubmit);
    expect(again).toMatchObject({ created: false, order: { number: alicesOrder.order.number } });
    const owners = await handle.db.select({ userId: orders.userId }).from(orders).where(like(orders.checkoutToken, `%${alicesSubmit.checkoutToken}`));
    expect(owners.map((o) => o.userId).sort()).toEqual([alice.userId, bob.userId].sort());
  });

  it('keeps a new address typed at checkout in the address book when asked, once, and not when unticked', async () => {
    const owner = await newUser();
    const checkOut = async (over: Partial<CheckOutCartInput>) => {
      await addToCart(handle.db, owner, { skuId: await freshSku(2), quantity: 1 });
      return checkOutCart({ db: handle.db, redis: null, env }, await input(owner, over));
    };
    await checkOut({ address: { address, save: true } });
    // The same address again, and a double submit of that page: still one entry.
    const again = await input(owner, { address: { address, save: true } });
    await addToCart(handle.db, owner, { skuId: await freshSku(2), quantity: 1 });
    const again2 = await input(owner, { address: { address, save: true } });
    await Promise.all([checkOutCart({ db: handle.db, redis: null, env }, { ...again2, checkoutToken: again.checkoutToken }), checkOutCart({ db: handle.db, redis: null, env }, { ...again2, checkoutToken: again.checkoutToken })]);
    expect((await listAddresses(handle.db, owner.userId)).map((a) => [a.line1, a.isDefault])).toEqual([['1 Market Street', true]]);
    // Unticked: the order ships there, the book stays as it was.
    await checkOut({ address: { address: { ...address, line1: '2 Mission Street' }, save: false } });
    expect(await listAddresses(handle.db, owner.userId)).toHaveLength(1);
    await checkOut({ address: { address: { ...address, line1: '3 Howard Street' }, save: true } });
    expect((await listAddresses(handle.db, owner.userId)).map((a) => a.line1).sort()).toEqual(['1 Market Street', '3 Howard Street']);
  });

  it('refuses a cart that changed since the page was shown, and names a short line', async () => {
    const owner = await newUser();
    const sku = await freshSku(3);
    await addToCart(handle.db, owner, { skuId: sku, quantity: 3 });
    const shown = await input(owner);
    const { lineId } = await addToCart(handle.db, owner, { skuId: await freshSku(3), quantity: 1 });
    const changed = await rejection(checkOutCart({ db: handle.db, redis: null, env }, shown));
    expect(changed.code).toBe('conflict');
    expect(changed.details).toMatchObject({ reason: 'cart_changed' });
    await removeCartLine(handle.db, owner, lineId);

    await handle.db.update(skus).set({ reserved: 1 }).where(eq(skus.id, sku));
    const short = await rejection(checkOutCart({ db: handle.db, redis: null, env }, await input(owner)));
    expect(short.code).toBe('out_of_stock');
    expect(short.details).toMatchObject({ skuId: sku, available: 2 });
    expect(typeof short.details?.title).toBe('string');
    expect(await quantityOf(owner, sku)).toBe(3);
    const [{ n } = { n: 0 }] = await handle.db.select({ n: count() }).from(orders).where(and(eq(orders.userId, owner.userId)));
    expect(n).toBe(0);
  });
});
