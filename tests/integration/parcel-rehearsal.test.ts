import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderEvents, orderItems, paymentLedger } from '@/db/schema';
import { parcelItems, parcelPhotos, parcels } from '@/db/schema/parcels';
import { shippingLines } from '@/db/schema/shipping';
import { createUser } from '@/lib/auth/create-user';
import { convert, money } from '@/lib/money';
import { createParcel, type CreateParcelInput } from '@/lib/parcels/create-parcel';
import { packParcel } from '@/lib/parcels/pack-parcel';
import { payParcelFromWallet } from '@/lib/parcels/pay-from-wallet';
import { addParcelPhotos } from '@/lib/parcels/parcel-photos';
import { parcelDispatchHooks } from '@/lib/parcels/dispatch-hooks';
import { dispatchParcel } from '@/lib/shipping-tracking/dispatch-parcel';
import { expireUnpaidParcels } from '@/lib/payments/expire-unpaid-parcels';
import { cancelOwnParcel, payOwnParcelFromWallet } from '@/lib/payments/own-parcel-payment';
import { startParcelPayment } from '@/lib/payments/start-parcel-payment';
import { getSettings } from '@/lib/settings/read-settings';
import { loadLine } from '@/lib/shipping/load-lines';
import { quoteLines } from '@/lib/shipping/quote-lines';
import { creditWallet } from '@/lib/wallet/entries';
import { createLocalPhotoStore } from '@/lib/warehouse/photos/photo-store';
import { createGatewayWorld, until } from '../support/gateway-world';
import { acceptedItems } from '../support/parcel-fixtures';

// Rehearsal packing and photos of the packed parcel against real MariaDB, Redis and the sandbox
// gateway: the warehouse packs, weighs and photographs first; the shopper pays the packed price (card
// or balance) and the parcel is ready to dispatch with nothing to settle; a card payment the shopper
// opened is withdrawn at the gateway before the balance pays or the parcel is cancelled.
let stack: Awaited<ReturnType<typeof createGatewayWorld>>;
let shopper: { id: number; email: string };
let emsLineId: number;
let store: ReturnType<typeof createLocalPhotoStore>;
const address = { name: 'Kenji Sato', line1: '1-2-3 Shibuya', line2: null, city: 'Tokyo', region: null, postalCode: '150-0002', country: 'JP', phone: '+81312345678' };

beforeAll(async () => {
  stack = await createGatewayWorld('ferry_test_rehearsal', 6);
  shopper = await createUser(stack.world.db, { email: `rehearsal-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
  const [ems] = await stack.world.db.select({ id: shippingLines.id }).from(shippingLines).where(eq(shippingLines.code, 'ems'));
  emsLineId = ems!.id;
  store = createLocalPhotoStore(await mkdtemp(path.join(tmpdir(), 'ferry-parcel-photos-')));
}, 120_000);
afterAll(async () => stack?.close());

const db = () => stack.world.db;
const actor = { type: 'user' as const, id: 0, label: 'warehouse@ferry.test' };
const shopperActor = () => ({ type: 'user' as const, id: shopper.id, label: shopper.email });
const jpeg = () => sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 150, b: 90 } } }).jpeg().toBuffer();
const dims = { lengthCm: 30, widthCm: 20, heightCm: 15 };

async function parcelRow(id: number) {
  const [row] = await db().select().from(parcels).where(eq(parcels.id, id));
  return row!;
}
const parcelEvents = (id: number, type: string) => db().select().from(orderEvents).where(and(eq(orderEvents.subjectType, 'parcel'), eq(orderEvents.subjectId, id), eq(orderEvents.type, type)));

async function newParcel(services: CreateParcelInput['services'], lines = 2) {
  return createParcel(db(), { owner: { type: 'user', userId: shopper.id }, itemIds: await acceptedItems(stack.world, shopper, lines, 400), lineId: emsLineId, address, services, currency: 'JPY', gateway: 'sandbox', actor: shopperActor() });
}
const fund = (amountMinor: number) => creditWallet(db(), 'adjustment', { userId: shopper.id, currency: 'JPY', amountMinor, source: `test:${randomUUID()}`, actor: shopperActor() });

describe('rehearsal packing', () => {
  it('is packed, weighed and photographed before payment, priced at what it really is, then paid once and ready with nothing to settle', async () => {
    const created = await newParcel(['rehearsal']);
    expect(created.status).toBe('awaiting_rehearsal');
    // Nothing can be paid before the rehearsal: not from the balance, not by card.
    await fund(10_000_000);
    await expect(payParcelFromWallet(db(), { userId: shopper.id, number: created.number, actor: shopperActor() })).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(startParcelPayment(db(), stack.env, { parcelId: created.id, returnUrl: 'http://shop.test/r' }, stack.deps())).rejects.toMatchObject({ code: 'invalid_transition' });

    // The shopper must see photos: packing without one is refused and changes nothing.
    await expect(packParcel(db(), { number: created.number, weightGrams: 2400, dims, actor })).rejects.toMatchObject({ code: 'conflict', details: { reason: 'photos_required' } });
    expect((await parcelRow(created.id)).status).toBe('awaiting_rehearsal');
    await expect(addParcelPhotos(db(), { number: created.number, files: [Buffer.from('<script>alert(1)</script>')], actor }, store)).rejects.toMatchObject({ status: 422 });
    expect(await addParcelPhotos(db(), { number: created.number, files: [await jpeg(), await jpeg()], actor }, store)).toMatchObject({ photos: 2, added: 2 });

    // Three packers at once: priced once.
    const results = await Promise.allSettled([1, 2, 3].map(() => packParcel(db(), { number: created.number, weightGrams: 2400, dims, actor })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rehearsed = await parcelRow(created.id);
    expect(rehearsed).toMatchObject({ status: 'awaiting_payment', packedWeightGrams: 2400, packedChargeableGrams: 2500, settlementAction: 'none', settlementMinor: 0 });
    expect(rehearsed.packedAt).not.toBeNull();
    expect(await parcelEvents(created.id, 'parcel.rehearsed')).toHaveLength(1);

    // The price is the line's quote of the packed parcel at the parcel's pinned rate, plus the rehearsal fee.
    const line = (await loadLine(db(), emsLineId))!;
    const quote = quoteLines([line], { country: 'JP', grams: 2400, dims, currency: 'JPY', declaredValueCny: rehearsed.declaredValueCnyMinor }, { currency: 'JPY', rate: rehearsed.rate, source: rehearsed.rateSource, capturedAt: rehearsed.rateCapturedAt.toISOString() }).quotes[0]!;
    const fee = (await getSettings(db()))['parcels.rehearsalPriceFen'];
    expect(rehearsed.chargeMinor).toBe(quote.price.amountMinor + convert(money(fee, 'CNY'), 'JPY', rehearsed.rate).amountMinor);
    expect(rehearsed.chargeMinor).toBeGreaterThan(created.chargeMinor);
    // The estimate the shopper first saw is kept beside it.
    expect(rehearsed.estimateChargeableGrams).toBe(created.estimateChargeableGrams);

    // Paid once from the balance under two clicks: ready to dispatch, no second packing, nothing settled.
    const paid = await Promise.all([1, 2].map(() => payOwnParcelFromWallet(db(), { userId: shopper.id, number: created.number, actor: shopperActor() }, stack.deps())));
    expect(paid.map((p) => p.outcome).sort()).toEqual(['already_paid', 'paid']);
    const ready = await parcelRow(created.id);
    expect(ready).toMatchObject({ status: 'ready_to_dispatch', settlementAction: 'none' });
    expect(await parcelEvents(created.id, 'parcel.ready')).toHaveLength(1);
    await expect(packParcel(db(), { number: created.number, weightGrams: 3000, dims, actor })).rejects.toMatchObject({ code: 'invalid_transition' });
    const ledger = await db().select().from(paymentLedger).where(eq(paymentLedger.transactionId, `wallet:parcel:${created.id}`));
    expect(ledger.map((l) => [l.kind, l.amountMinor, l.currency])).toEqual([['charge', rehearsed.chargeMinor, 'JPY']]);
  });

  it('a card payment of the packed price readies the rehearsed parcel', async () => {
    const created = await newParcel(['rehearsal'], 1);
    await addParcelPhotos(db(), { number: created.number, files: [await jpeg()], actor }, store);
    await packParcel(db(), { number: created.number, weightGrams: 700, dims, actor });
    const url = await startParcelPayment(db(), stack.env, { parcelId: created.id, returnUrl: 'http://shop.test/r' }, stack.deps());
    expect(url).toContain('/pay/');
    const intent = (await parcelRow(created.id)).gatewayPaymentId!;
    expect((await stack.stripe.paymentIntents.retrieve(intent)).amount).toBe((await parcelRow(created.id)).chargeMinor);
    await fetch(`${stack.gateway.url}/__sandbox/intents/${intent}/succeed`, { method: 'POST' });
    await until(() => parcelRow(created.id), (p) => p.status === 'ready_to_dispatch', 'the rehearsed parcel paid by card');
  });

  it('the shopper may cancel before or after the rehearsal: the items go back', async () => {
    for (const rehearse of [false, true]) {
      const created = await newParcel(['rehearsal'], 1);
      if (rehearse) {
        await addParcelPhotos(db(), { number: created.number, files: [await jpeg()], actor }, store);
        await packParcel(db(), { number: created.number, weightGrams: 700, dims, actor });
      }
      await cancelOwnParcel(db(), { userId: shopper.id, number: created.number, actor: shopperActor() }, stack.deps());
      expect((await parcelRow(created.id)).status).toBe('cancelled');
      const items = await db().select({ status: orderItems.fulfilmentStatus }).from(orderItems).innerJoin(parcelItems, eq(parcelItems.orderItemId, orderItems.id)).where(eq(parcelItems.parcelId, created.id));
      expect(items.map((i) => i.status)).toEqual(['accepted']);
      // A cancelled parcel is no longer photographed.
      await expect(addParcelPhotos(db(), { number: created.number, files: [await jpeg()], actor }, store)).rejects.toMatchObject({ code: 'invalid_transition' });
    }
  });
});

describe('photos of the packed parcel', () => {
  it('are kept per parcel up to a bound, and refused for a parcel that left or does not exist', async () => {
    const created = await newParcel(['packed_photos'], 1);
    await expect(addParcelPhotos(db(), { number: created.number, files: [await jpeg()], actor }, store)).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(addParcelPhotos(db(), { number: 'P000000-NOPE', files: [await jpeg()], actor }, store)).rejects.toMatchObject({ code: 'not_found' });
    await fund(created.chargeMinor);
    await payOwnParcelFromWallet(db(), { userId: shopper.id, number: created.number, actor: shopperActor() }, stack.deps());
    await expect(addParcelPhotos(db(), { number: created.number, files: [], actor }, store)).rejects.toMatchObject({ status: 422 });
    const one = await jpeg();
    for (let i = 0; i < 2; i++) await addParcelPhotos(db(), { number: created.number, files: Array.from({ length: 12 }, () => one), actor }, store);
    await expect(addParcelPhotos(db(), { number: created.number, files: [one], actor }, store)).rejects.toMatchObject({ status: 422 });
    const rows = await db().select().from(parcelPhotos).where(eq(parcelPhotos.parcelId, created.id));
    expect(rows).toHaveLength(24);
    expect(await store.read(rows[0]!.storageKey, '400')).not.toBeNull();
  });
});

describe('the photos service', () => {
  it('keeps a parcel whose shopper paid for photos of it from leaving without them', async () => {
    const created = await newParcel(['packed_photos'], 1);
    await fund(created.chargeMinor);
    await payOwnParcelFromWallet(db(), { userId: shopper.id, number: created.number, actor: shopperActor() }, stack.deps());
    // As heavy as estimated, in a small box: nothing to settle.
    await packParcel(db(), { number: created.number, weightGrams: 700, dims: { lengthCm: 15, widthCm: 10, heightCm: 10 }, actor });
    expect((await parcelRow(created.id)).status).toBe('ready_to_dispatch');
    await expect(dispatchParcel(db(), parcelDispatchHooks, created.number, actor)).rejects.toMatchObject({ code: 'conflict', details: { reason: 'photos_required' } });
    expect((await parcelRow(created.id)).status).toBe('ready_to_dispatch');
    await addParcelPhotos(db(), { number: created.number, files: [await jpeg()], actor }, store);
    await dispatchParcel(db(), parcelDispatchHooks, created.number, actor);
    expect((await parcelRow(created.id)).status).toBe('shipped');
  });
});

describe('an open card payment is withdrawn at the gateway', () => {
  it('before the balance pays the parcel: the card page can no longer take the money', async () => {
    const created = await newParcel([], 1);
    await startParcelPayment(db(), stack.env, { parcelId: created.id, returnUrl: 'http://shop.test/r' }, stack.deps());
    const opened = (await parcelRow(created.id)).gatewayPaymentId!;
    await fund(created.chargeMinor);
    // Without withdrawing it, the balance refuses to pay (it would be paid twice).
    await expect(payParcelFromWallet(db(), { userId: shopper.id, number: created.number, actor: shopperActor() })).rejects.toMatchObject({ code: 'conflict' });
    expect(await payOwnParcelFromWallet(db(), { userId: shopper.id, number: created.number, actor: shopperActor() }, stack.deps())).toMatchObject({ outcome: 'paid' });
    expect((await stack.stripe.paymentIntents.retrieve(opened)).status).toBe('canceled');
    expect(await parcelRow(created.id)).toMatchObject({ status: 'paid', gatewayPaymentId: `wallet:parcel:${created.id}` });
  });

  it('before a cancel; a card payment that went through first stops the cancel', async () => {
    const created = await newParcel([], 1);
    await startParcelPayment(db(), stack.env, { parcelId: created.id, returnUrl: 'http://shop.test/r' }, stack.deps());
    const opened = (await parcelRow(created.id)).gatewayPaymentId!;
    await cancelOwnParcel(db(), { userId: shopper.id, number: created.number, actor: shopperActor() }, stack.deps());
    expect((await stack.stripe.paymentIntents.retrieve(opened)).status).toBe('canceled');
    expect((await parcelRow(created.id)).status).toBe('cancelled');

    const paidFirst = await newParcel([], 1);
    await startParcelPayment(db(), stack.env, { parcelId: paidFirst.id, returnUrl: 'http://shop.test/r' }, stack.deps());
    const intent = (await parcelRow(paidFirst.id)).gatewayPaymentId!;
    await fetch(`${stack.gateway.url}/__sandbox/intents/${intent}/succeed`, { method: 'POST' });
    await expect(cancelOwnParcel(db(), { userId: shopper.id, number: paidFirst.number, actor: shopperActor() }, stack.deps())).rejects.toMatchObject({ code: 'conflict' });
    await until(() => parcelRow(paidFirst.id), (p) => p.status === 'paid', 'the card payment that won');
  });

  it('a stranger cannot withdraw or cancel someone else’s parcel', async () => {
    const created = await newParcel([], 1);
    await startParcelPayment(db(), stack.env, { parcelId: created.id, returnUrl: 'http://shop.test/r' }, stack.deps());
    const opened = (await parcelRow(created.id)).gatewayPaymentId!;
    const stranger = await createUser(db(), { email: `stranger-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
    await expect(cancelOwnParcel(db(), { userId: stranger.id, number: created.number, actor: shopperActor() }, stack.deps())).rejects.toMatchObject({ code: 'not_found' });
    expect((await stack.stripe.paymentIntents.retrieve(opened)).status).not.toBe('canceled');
  });
});

describe('parcels left unpaid', () => {
  it('are cancelled after the setting’s days (from creation, or from the rehearsal that priced them), their open card payment withdrawn and items freed; a payment that went through first is kept', async () => {
    const old = await newParcel([], 1);
    await startParcelPayment(db(), stack.env, { parcelId: old.id, returnUrl: 'http://shop.test/r' }, stack.deps());
    const opened = (await parcelRow(old.id)).gatewayPaymentId!;
    const fresh = await newParcel([], 1);
    const rehearsed = await newParcel(['rehearsal'], 1);
    await addParcelPhotos(db(), { number: rehearsed.number, files: [await jpeg()], actor }, store);
    await packParcel(db(), { number: rehearsed.number, weightGrams: 700, dims, actor });
    const paidMeanwhile = await newParcel([], 1);
    await startParcelPayment(db(), stack.env, { parcelId: paidMeanwhile.id, returnUrl: 'http://shop.test/r' }, stack.deps());
    const paidIntent = (await parcelRow(paidMeanwhile.id)).gatewayPaymentId!;
    await fetch(`${stack.gateway.url}/__sandbox/intents/${paidIntent}/succeed`, { method: 'POST' });

    // Fifteen days on: created long ago, but the rehearsal was packed only yesterday.
    const longAgo = new Date(Date.now() - 15 * 86_400_000);
    for (const p of [old, rehearsed, paidMeanwhile]) await db().update(parcels).set({ createdAt: longAgo }).where(eq(parcels.id, p.id));
    await db().update(parcels).set({ packedAt: new Date(Date.now() - 86_400_000) }).where(eq(parcels.id, rehearsed.id));

    await expireUnpaidParcels(db(), new Date(), stack.deps());
    expect((await parcelRow(old.id)).status).toBe('cancelled');
    expect((await stack.stripe.paymentIntents.retrieve(opened)).status).toBe('canceled');
    const freed = await db().select({ status: orderItems.fulfilmentStatus }).from(orderItems).innerJoin(parcelItems, eq(parcelItems.orderItemId, orderItems.id)).where(eq(parcelItems.parcelId, old.id));
    expect(freed.map((i) => i.status)).toEqual(['accepted']);
    expect((await parcelRow(fresh.id)).status).toBe('awaiting_payment');
    expect((await parcelRow(rehearsed.id)).status).toBe('awaiting_payment');
    await until(() => parcelRow(paidMeanwhile.id), (p) => p.status === 'paid', 'the card payment that went through');
    // A second run finds nothing more to do.
    expect(await expireUnpaidParcels(db(), new Date(), stack.deps())).toBe(0);
  });
});
