import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, eventDeliveries, orderItems, orders } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { runRelay } from '@/lib/events/relay';
import type { TranslationProvider } from '@/lib/i18n/translate';
import { transitionOrder } from '@/lib/orders/transition-order';
import { buyerNoteDrafts, listNotesToReview, releaseBuyerNote } from '@/lib/purchasing/buyer-notes';
import { listPurchaseBoard } from '@/lib/purchasing/queries/list-purchase-board';
import { runPurchasing } from '@/lib/purchasing/run-purchasing';
import { createPurchasingWorld, placePaidOrder, skusBySeller, type CatalogSku, type PurchasingWorld } from '../support/purchasing-world';

let world: PurchasingWorld;
let sellers: CatalogSku[][];
beforeAll(async () => {
  world = await createPurchasingWorld('ferry_test_buyer_notes');
  sellers = await skusBySeller(world);
});
afterAll(async () => world?.close());

const purchaser = { type: 'user' as const, id: 7, label: 'purchaser@ferry.test' };
const run = () => runPurchasing(world.db, world.redis);

async function lines(orderId: number) {
  return world.db
    .select({ id: orderItems.id, status: orderItems.purchaseStatus, remark: orderItems.remark, draft: orderItems.remarkMachineZh, sellerNote: orderItems.remarkZh, reviewedBy: orderItems.remarkReviewedBy, skuId: orderItems.skuId })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(orderItems.id);
}

async function failureCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : (error as Error).name;
  }
}

/** The upstream order the sandbox holds for one of our purchase orders, by the SKU it bought. */
async function upstreamMessageFor(sourceSkuId: string): Promise<string | null | undefined> {
  const all = await world.upstreamOrders();
  const found = all.filter((o) => o.lines.some((l) => l.skuId === sourceSkuId));
  return (found.at(-1) as unknown as { message?: string | null } | undefined)?.message;
}

describe("a shopper's note to the buyer", () => {
  it('holds the noted line for a purchaser while the rest is bought, and sends the seller only the Chinese the purchaser wrote', async () => {
    const [noted, plain] = [sellers[0]![0]!, sellers[1]![0]!];
    const note = 'Please check the quality before shipping, no logo.';
    const order = await placePaidOrder(world, [
      { skuId: noted.skuId, quantity: 1, remark: `  ${note}  ` },
      { skuId: plain.skuId, quantity: 1, remark: '   ' },
    ]);

    // Paid: the noted line waits for review, the blank remark counts as none.
    const [first, second] = await lines(order.id);
    expect(first!.status).toBe('review');
    expect(second!.status).toBe('queued');

    // The worker buys what it may: the plain line. The noted one stays, and so the order is not yet purchased.
    await run();
    await run();
    const afterRun = await lines(order.id);
    expect(afterRun.map((l) => l.status)).toEqual(['review', 'purchased']);
    const [orderRow] = await world.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(orderRow!.status).toBe('purchasing');
    expect(await upstreamMessageFor(noted.sourceSkuId)).toBeUndefined();

    // On payment the relay drafts the note in Chinese (the offline phrasebook, for an English order), once.
    await runRelay(world.db, [buyerNoteDrafts()]);
    const [drafted] = await lines(order.id);
    expect(drafted!.draft).toBe('发货前请检查质量，不要logo。');

    // The board shows the shopper's own words beside the draft.
    const board = await listPurchaseBoard(world.db, true);
    const row = board.notes.find((n) => n.itemId === first!.id);
    expect(row).toMatchObject({ orderNumber: order.number, locale: 'en', remark: note, machineDraft: '发货前请检查质量，不要logo。', quantity: 1 });

    // Too long is refused and changes nothing.
    expect(await failureCode(releaseBuyerNote(world.db, { itemId: first!.id, sellerNote: '质'.repeat(301) }, purchaser))).toBe('ZodError');
    expect((await lines(order.id))[0]!.status).toBe('review');

    // Released with the purchaser's own wording: queued, who and what recorded; a second click is refused.
    const sellerNote = '发货前请仔细检查质量，不要印logo，谢谢！';
    await releaseBuyerNote(world.db, { itemId: first!.id, sellerNote: `  ${sellerNote} ` }, purchaser);
    expect(await failureCode(releaseBuyerNote(world.db, { itemId: first!.id, sellerNote: '别的' }, purchaser))).toBe('invalid_transition');
    const released = (await lines(order.id))[0]!;
    expect(released).toMatchObject({ status: 'queued', sellerNote, reviewedBy: 7 });
    const audit = await world.db.select().from(auditLog).where(eq(auditLog.action, 'purchasing.note_released'));
    expect(audit.filter((a) => a.subjectId === String(first!.id))).toHaveLength(1);
    expect((await listNotesToReview(world.db)).some((n) => n.itemId === first!.id)).toBe(false);

    // Now it is bought, and the seller reads the Chinese, never the shopper's English.
    await run();
    expect((await lines(order.id)).map((l) => l.status)).toEqual(['purchased', 'purchased']);
    const [done] = await world.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(done!.status).toBe('purchased');
    const message = await upstreamMessageFor(noted.sourceSkuId);
    expect(message).toBe(sellerNote);
  });

  it('sends nothing to the seller when the purchaser leaves the note empty', async () => {
    const sku = sellers[2]![0]!;
    const order = await placePaidOrder(world, [{ skuId: sku.skuId, quantity: 1, remark: 'Thanks a lot!' }]);
    const [line] = await lines(order.id);
    expect(line!.status).toBe('review');
    await releaseBuyerNote(world.db, { itemId: line!.id, sellerNote: '   ' }, purchaser);
    await run();
    expect((await lines(order.id))[0]!.status).toBe('purchased');
    // The connector's own default: the purchase order's reference, no words from anyone.
    expect(await upstreamMessageFor(sku.sourceSkuId)).toMatch(/^PO\d{6}-[A-Z0-9]+$/);
  });

  it("drafts a note in the order's language with the configured provider, leaves none where it cannot, and keeps a Chinese note as it is", async () => {
    const seen: { from: string; to: string; texts: string[] }[] = [];
    const provider: TranslationProvider = {
      name: 'recording',
      async translate(texts, from, to) {
        seen.push({ from, to, texts });
        return from === 'de' ? texts.map((t) => `【译】${t}`) : null;
      },
    };
    const sku = sellers[3]![0]!;
    const german = await placePaidOrder(world, [{ skuId: sku.skuId, quantity: 1, remark: 'Bitte ohne Logo' }], { locale: 'de' });
    const korean = await placePaidOrder(world, [{ skuId: sku.skuId, quantity: 1, remark: '로고 없이 보내주세요' }], { locale: 'ko' });
    const chinese = await placePaidOrder(world, [{ skuId: sku.skuId, quantity: 1, remark: '不要logo' }], { locale: 'zh-CN' });
    await runRelay(world.db, [buyerNoteDrafts(() => provider)]);
    expect((await lines(german.id))[0]!.draft).toBe('【译】Bitte ohne Logo');
    expect((await lines(korean.id))[0]!.draft).toBeNull();
    expect((await lines(chinese.id))[0]!.draft).toBe('不要logo');
    expect(seen).toEqual(expect.arrayContaining([{ from: 'de', to: 'zh-CN', texts: ['Bitte ohne Logo'] }, { from: 'ko', to: 'zh-CN', texts: ['로고 없이 보내주세요'] }]));
    expect(seen.some((s) => s.from === 'zh-CN')).toBe(false);
  });

  it('retries the draft when the provider fails, without holding the line from a purchaser', async () => {
    let calls = 0;
    const flaky: TranslationProvider = {
      name: 'flaky',
      async translate(texts) {
        calls += 1;
        if (calls === 1) throw new Error('translation service down');
        return texts.map(() => '请不要放发票');
      },
    };
    const subscriber = buyerNoteDrafts(() => flaky);
    const sku = sellers[4]![0]!;
    const order = await placePaidOrder(world, [{ skuId: sku.skuId, quantity: 1, remark: 'No invoice please' }]);
    await runRelay(world.db, [subscriber]);
    const [line] = await lines(order.id);
    expect(line!.draft).toBeNull();
    const waiting = await world.db.select().from(eventDeliveries).where(and(eq(eventDeliveries.subscriber, 'buyer-note-drafts'), eq(eventDeliveries.status, 'pending')));
    expect(waiting.some((d) => (d.lastError ?? '').includes('translation service down'))).toBe(true);
    // A purchaser may release it meanwhile with their own words; a later draft does not touch that.
    await releaseBuyerNote(world.db, { itemId: line!.id, sellerNote: '不要发票' }, purchaser);
    expect((await lines(order.id))[0]).toMatchObject({ status: 'queued', sellerNote: '不要发票' });
  });

  it('withdraws a noted line when its order is cancelled or refunded before anyone read it', async () => {
    const sku = sellers[5]![0]!;
    const order = await placePaidOrder(world, [{ skuId: sku.skuId, quantity: 1, remark: 'gift wrap please' }]);
    expect((await lines(order.id))[0]!.status).toBe('review');
    expect(await transitionOrder(world.db, world.redis, { orderId: order.id, from: 'paid', to: 'refunded', actor: purchaser, reason: 'shopper asked' })).toBe(true);
    const [line] = await lines(order.id);
    expect(line!.status).toBe('cancelled');
    expect(await failureCode(releaseBuyerNote(world.db, { itemId: line!.id, sellerNote: '礼品包装' }, purchaser))).toBe('invalid_transition');
    expect(await failureCode(releaseBuyerNote(world.db, { itemId: 999_999_999, sellerNote: '礼品包装' }, purchaser))).toBe('not_found');
  });
});
