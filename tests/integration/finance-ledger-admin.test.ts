import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { orders, paymentLedger } from '@/db/schema';
import { walletBalances, walletEntries } from '@/db/schema/wallet';
import { createUser } from '@/lib/auth/create-user';
import { newOrderNumber } from '@/lib/orders/order-number';
import { creditWallet } from '@/lib/wallet/entries';
import { getPage, signInOverHttp } from '../support/http-session';

// The running server's money movements search: finance finds a seeded charge, refund and wallet
// top-up by order number, shopper email, kind, status and UTC day, with the filtered rows' totals
// and links to the order and the wallet; bad filters are answered on the form; staff without the
// finance permission are refused.
const base = process.env.FERRY_TEST_BASE_URL!;
let db: Database;
const password = 'finance-password-1';
const tag = randomUUID().slice(0, 8);
const finance = `finance-${tag}@ferry.test`;
const service = `service-${tag}@ferry.test`;
const shopperEmail = `ledger-shopper-${tag}@ferry.test`;
// Days of their own in the shared test database: a random month in 1990–2009.
const month = `${1990 + Math.floor(Math.random() * 20)}-0${1 + Math.floor(Math.random() * 9)}`;
const number = newOrderNumber(new Date(`${month}-03T10:00:00Z`));
const planted = { order: 0, ledger: [] as number[], shopper: 0 };
const ids = { charge: `pi_ledger_${tag}`, refund: `ch_ledger_${tag}:300`, walletRefund: `wallet:refund:ledger-${tag}`, flagged: `pi_ledger_flagged_${tag}`, topup: `pi_topup_${tag}` };

beforeAll(async () => {
  expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
  db = databaseFor(process.env.DATABASE_URL!);
  const shopper = await createUser(db, { email: shopperEmail, password: 'correct horse battery', role: 'customer' });
  planted.shopper = shopper.id;
  const [order] = await db
    .insert(orders)
    .values({
      number, status: 'paid', userId: shopper.id, email: shopperEmail, checkoutToken: `ledger-admin-${tag}`, locale: 'en', shippingAddress: { name: 'A', line1: 'B', city: 'C', country: 'ES', phone: '1' }, valueAddedServices: [],
      breakdownCny: { items: 10_000, domesticShipping: 0, serviceFee: 0, valueAddedServices: 0, codFee: 0, discount: 0 }, totalCnyMinor: 10_000,
      chargeCurrency: 'EUR', chargeMinor: 1_300, chargeRate: '0.130000000000', rateSource: 'test', rateCapturedAt: new Date(), baseCurrency: 'USD', baseMinor: 1_400, baseRate: '0.14', gateway: 'sandbox', payToken: tag.padEnd(32, '0'), paidAt: new Date(`${month}-03T10:00:00Z`),
    })
    .$returningId();
  planted.order = order!.id;
  const rows = [
    { orderId: order!.id, userId: null, gateway: 'sandbox', transactionId: ids.charge, kind: 'charge' as const, amountMinor: 1_300, cnyMinor: 10_000, status: 'recorded' as const, flagReason: null, createdAt: new Date(`${month}-03T10:00:00Z`) },
    { orderId: order!.id, userId: shopper.id, gateway: 'wallet', transactionId: ids.walletRefund, kind: 'refund' as const, amountMinor: 200, cnyMinor: 1_538, status: 'recorded' as const, flagReason: null, createdAt: new Date(`${month}-04T12:00:00Z`) },
    { orderId: order!.id, userId: null, gateway: 'sandbox', transactionId: ids.refund, kind: 'refund' as const, amountMinor: 300, cnyMinor: 2_308, status: 'recorded' as const, flagReason: null, createdAt: new Date(`${month}-04T23:59:59Z`) },
    { orderId: order!.id, userId: null, gateway: 'sandbox', transactionId: ids.flagged, kind: 'charge' as const, amountMinor: 99, cnyMinor: null, status: 'flagged' as const, flagReason: 'paid 99 EUR, order charge is 1300 EUR', createdAt: new Date(`${month}-05T08:00:00Z`) },
    { orderId: null, userId: shopper.id, gateway: 'sandbox', transactionId: ids.topup, kind: 'charge' as const, amountMinor: 2_500, cnyMinor: null, status: 'recorded' as const, flagReason: null, createdAt: new Date(`${month}-06T08:00:00Z`) },
  ];
  for (const row of rows) {
    const [inserted] = await db.insert(paymentLedger).values({ ...row, currency: 'EUR' }).$returningId();
    planted.ledger.push(inserted!.id);
  }
  // Wallet entries through the wallet's own function, so the cached balance stays equal to the ledger.
  await db.transaction(async (tx) => {
    await creditWallet(tx, 'topup', { userId: shopper.id, currency: 'EUR', amountMinor: 2_500, source: ids.topup, note: `WT${tag.toUpperCase()}`, actor: { type: 'gateway', id: 'sandbox' } });
    await creditWallet(tx, 'refund', { userId: shopper.id, currency: 'EUR', amountMinor: 200, source: `refund:ledger-${tag}`, note: number, actor: { type: 'user', id: 1, label: finance } });
  });
  await createUser(db, { email: finance, password, role: 'finance' });
  await createUser(db, { email: service, password, role: 'service' });
});
afterAll(async () => {
  await db?.delete(paymentLedger).where(inArray(paymentLedger.id, planted.ledger));
  await db?.delete(walletEntries).where(eq(walletEntries.userId, planted.shopper));
  await db?.delete(walletBalances).where(eq(walletBalances.userId, planted.shopper));
  await db?.delete(orders).where(eq(orders.id, planted.order));
  await closeDatabases();
});

const rowsOf = (html: string) => [...html.matchAll(/<tr data-ledger-id="\d+" data-kind="(\w+)" data-status="(\w+)" data-order="([^"]*)"/g)].map((m) => ({ kind: m[1], status: m[2], order: m[3] }));
const walletRowsOf = (html: string) => [...html.matchAll(/<tr data-wallet-entry="\d+" data-kind="(\w+)" data-order="([^"]*)"/g)].map((m) => ({ kind: m[1], order: m[2] }));
const totalOf = (html: string, currency: string, kind: string) => Number(new RegExp(`data-currency="${currency}"[\\s\\S]*?data-kind="${kind}" data-minor="(-?\\d+)"`).exec(html)?.[1]);
const countOf = (html: string) => Number(/data-testid="ledger-count" data-count="(\d+)"/.exec(html)?.[1]);

describe('/admin/finance/ledger', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await signInOverHttp(base, finance, password);
  });
  const search = async (query: string, locale = 'en') => {
    const page = await getPage(base, `/${locale}/admin/finance/ledger?${query}`, cookie);
    expect(page.status).toBe(200);
    return page.html;
  };

  it('finds an order’s charge, refunds (card and balance) and flagged payment by its number, newest first, with totals and links', async () => {
    const html = await search(`order=${number.toLowerCase()}`);
    expect(rowsOf(html)).toEqual([
      { kind: 'charge', status: 'flagged', order: number },
      { kind: 'refund', status: 'recorded', order: number },
      { kind: 'refund', status: 'recorded', order: number },
      { kind: 'charge', status: 'recorded', order: number },
    ]);
    expect(countOf(html)).toBe(4);
    expect(totalOf(html, 'EUR', 'charge')).toBe(1_300 + 99);
    expect(totalOf(html, 'EUR', 'refund')).toBe(300 + 200);
    expect(html).toContain(`href="/en/admin/orders/${number}"`);
    expect(html).toContain('paid 99 EUR, order charge is 1300 EUR');
    expect(html).toContain(ids.refund);
    // Each row's CNY amount as written beside it (none for the flagged payment in a foreign amount).
    expect([...html.matchAll(/data-cny="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([2_308, 1_538, 10_000]);
    expect(rowsOf(await search(`order=${number}&gateway=wallet`))).toEqual([{ kind: 'refund', status: 'recorded', order: number }]);
  });

  it('finds a shopper’s payments and wallet top-up by email, and narrows by kind, status, transaction and UTC day', async () => {
    const all = await search(`email=${encodeURIComponent(shopperEmail.toUpperCase())}`);
    expect(rowsOf(all).map((r) => `${r.kind}:${r.order}`)).toEqual([`charge:`, `charge:${number}`, `refund:${number}`, `refund:${number}`, `charge:${number}`]);
    // The top-up has no order: it links to the shopper's wallet.
    expect(all).toContain(`href="/en/admin/wallets?email=${encodeURIComponent(shopperEmail)}"`);

    expect(rowsOf(await search(`email=${encodeURIComponent(shopperEmail)}&kind=refund`))).toHaveLength(2);
    expect(rowsOf(await search(`email=${encodeURIComponent(shopperEmail)}&status=flagged&gateway=sandbox&currency=eur`))).toEqual([{ kind: 'charge', status: 'flagged', order: number }]);
    expect(rowsOf(await search(`tx=${encodeURIComponent(`ch_ledger_${tag}`)}`))).toEqual([{ kind: 'refund', status: 'recorded', order: number }]);
    // UTC days: the refund at 23:59:59 on the 4th belongs to the 4th, not the 5th.
    const days = await search(`email=${encodeURIComponent(shopperEmail)}&from=${month}-04&to=${month}-04`);
    expect(rowsOf(days).map((r) => r.kind)).toEqual(['refund', 'refund']);
    expect(days).toContain(ids.refund);
    expect(rowsOf(await search(`email=${encodeURIComponent(shopperEmail)}&from=${month}-05&to=${month}-06`)).map((r) => r.kind)).toEqual(['charge', 'charge']);
  });

  it('searches wallet movements in their own view: by shopper, kind, and an order’s number in the note', async () => {
    const html = await search(`view=wallet&email=${encodeURIComponent(shopperEmail)}`);
    expect(walletRowsOf(html)).toEqual([
      { kind: 'refund', order: number },
      { kind: 'topup', order: '' },
    ]);
    expect(html).toMatch(/data-currency="EUR" data-net="2700"/);
    expect(html).toContain(`refund:ledger-${tag}`);
    expect(walletRowsOf(await search(`view=wallet&email=${encodeURIComponent(shopperEmail)}&kind=topup`))).toEqual([{ kind: 'topup', order: '' }]);
    const byOrder = await search(`view=wallet&order=${number}`);
    expect(walletRowsOf(byOrder)).toEqual([{ kind: 'refund', order: number }]);
    expect(byOrder).toContain(`href="/en/admin/orders/${number}"`);
  });

  it('is usable in Chinese, and linked from the finance nav', async () => {
    const html = await search(`order=${number}`, 'zh-CN');
    expect(html).toContain('资金流水');
    expect(html).toContain('支付流水');
    expect(html).toContain('收款 − 退款');
    expect(html).toMatch(/共 4 条/);
    expect(html).toContain('href="/zh-CN/admin/finance/ledger"');
  });

  it('answers filters it cannot search with a form message, never a crash, and searches nothing', async () => {
    const html = await search(`order=${encodeURIComponent("1' OR 1=1 --")}&from=${month}-31x&email=nobody&kind=topup`);
    expect(html).toContain('data-testid="ledger-invalid"');
    expect(html).toContain('Enter a whole order number, such as FR251121-7K3Q9X.');
    expect(html).toContain('Enter a real day as YYYY-MM-DD.');
    expect(html).toContain('Enter a whole email address.');
    expect(html).toContain('Choose a kind from the list.');
    expect(html).not.toContain('data-testid="ledger-rows"');
    expect(rowsOf(await search(`page=999999&order=${number}`))).toEqual([]);
  });

  it('refuses staff without the finance permission, shoppers and the signed-out', async () => {
    const staff = await signInOverHttp(base, service, password);
    expect((await getPage(base, `/en/admin/finance/ledger?order=${number}`, staff)).status).toBe(403);
    expect((await getPage(base, `/en/admin/finance/ledger?view=wallet&email=${encodeURIComponent(shopperEmail)}`, staff)).status).toBe(403);
    const shopper = await signInOverHttp(base, shopperEmail, 'correct horse battery');
    expect((await getPage(base, '/en/admin/finance/ledger', shopper)).status).toBe(404);
    const signedOut = await getPage(base, '/en/admin/finance/ledger', '');
    expect(signedOut.status).toBeGreaterThanOrEqual(300);
    expect(signedOut.status).toBeLessThan(400);
    expect(signedOut.location).toContain('/en/account/sign-in');
  });
});
