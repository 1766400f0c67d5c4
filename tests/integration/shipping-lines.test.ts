import { randomUUID } from 'node:crypto';
import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { auditLog } from '@/db/schema';
import { shippingLines } from '@/db/schema/shipping';
import { systemActor } from '@/lib/audit/actor';
import { AppError } from '@/lib/errors';
import type { ShippingLineInput } from '@/lib/shipping/line-input';
import { loadActiveLines } from '@/lib/shipping/load-lines';
import { quoteShipping } from '@/lib/shipping/quote-shipping';
import { createShippingLine, setShippingLineActive, updateShippingLine } from '@/lib/shipping/save-line';
import { createUser } from '@/lib/auth/create-user';
import { getPage, signInOverHttp } from '../support/http-session';

// Staff's writes to shipping lines against the real database, and the quote reading them back
// uncached (as parcels will). Lines of their own, to Iceland only (no demo line goes there).
let db: Database;
const tag = randomUUID().slice(0, 8);
const actor = systemActor(`shipping-lines-test-${tag}`);
const created: number[] = [];

const line = (over: Partial<ShippingLineInput> = {}): ShippingLineInput => ({
  name: `Test line ${tag}`,
  names: { 'zh-CN': `测试线路 ${tag}` },
  carrier: 'Test Post',
  isActive: true,
  isTaxIncluded: false,
  countries: ['IS'],
  volumetricDivisor: 6000,
  firstWeightGrams: 500,
  firstPriceMinor: 10_000,
  continuedUnitGrams: 500,
  continuedPriceMinor: 3_000,
  fuelSurchargeBp: 0,
  minWeightGrams: 0,
  maxWeightGrams: 20_000,
  maxLongestSideCm: 100,
  maxLengthGirthCm: 200,
  refusedGoods: ['battery'],
  daysMin: 5,
  daysMax: 9,
  insuranceRateBp: 100,
  insuranceMinMinor: 500,
  sortOrder: 1,
  ...over,
});

const iceland = { country: 'IS', grams: 1200, dims: { lengthCm: 30, widthCm: 20, heightCm: 10 }, goods: [], currency: 'CNY' as const };

beforeAll(() => {
  db = databaseFor(process.env.DATABASE_URL!);
});
afterAll(async () => {
  if (created.length) {
    await db.delete(shippingLines).where(inArray(shippingLines.id, created));
    await db.delete(auditLog).where(and(eq(auditLog.subjectType, 'shipping_line'), inArray(auditLog.subjectId, created.map(String))));
  }
  await closeDatabases();
});

async function audits(id: number) {
  return db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(and(eq(auditLog.subjectType, 'shipping_line'), eq(auditLog.subjectId, String(id))));
}

describe('shipping lines in the database', () => {
  it('creates a line the quote reads at once, with insurance on a declared value, and audits it', async () => {
    const { id, version } = await createShippingLine(db, `test-${tag}`, line(), actor);
    created.push(id);
    expect(version).toBe(1);
    const result = await quoteShipping(db, { ...iceland, declaredValueCny: 80_000, locale: 'zh-CN' });
    const mine = result.quotes.find((q) => q.lineId === id)!;
    // 1,000 g by volume at 6000 < 1,200 g actual → 1,500 g: 100 + 2 × 30 yuan; insurance 1 % of 800 yuan = 8 yuan.
    expect(mine).toMatchObject({ name: `测试线路 ${tag}`, chargeableGrams: 1500, priceCny: { amountMinor: 16_000 }, insuranceCny: { amountMinor: 800 } });
    expect((await audits(id)).map((a) => a.action)).toEqual(['shipping_line.created']);
  });

  it('refuses a second line with the same code, naming the field', async () => {
    const error = await createShippingLine(db, `test-${tag}`, line(), actor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'conflict', details: { fieldErrors: { code: 'codeTaken' } } });
    expect(await db.select({ id: shippingLines.id }).from(shippingLines).where(like(shippingLines.code, `test-${tag}%`))).toHaveLength(1);
  });

  it('saves an edit over the version it was drawn from, audits each changed field, and changes the next quote', async () => {
    const id = created[0]!;
    const saved = await updateShippingLine(db, id, 1, line({ firstPriceMinor: 12_000, refusedGoods: ['battery', 'liquid'] }), actor);
    expect(saved).toEqual({ id, version: 2, changed: ['firstPriceMinor', 'refusedGoods'] });
    const edit = (await audits(id)).find((a) => a.action === 'shipping_line.updated')!;
    expect(edit.details).toEqual({ firstPriceMinor: { from: 10_000, to: 12_000 }, refusedGoods: { from: ['battery'], to: ['battery', 'liquid'] } });
    const quoted = (await quoteShipping(db, iceland)).quotes.find((q) => q.lineId === id)!;
    expect(quoted.priceCny.amountMinor).toBe(18_000);
    // The same values again change nothing and write no audit.
    expect(await updateShippingLine(db, id, 2, line({ firstPriceMinor: 12_000, refusedGoods: ['battery', 'liquid'] }), actor)).toMatchObject({ version: 2, changed: [] });
    expect((await audits(id)).filter((a) => a.action === 'shipping_line.updated')).toHaveLength(1);
  });

  it('refuses an edit drawn from an older version and keeps the newer one', async () => {
    const id = created[0]!;
    const error = await updateShippingLine(db, id, 1, line({ firstPriceMinor: 1 }), actor).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', details: { fieldErrors: { _form: 'stale' } } });
    const [row] = await db.select({ price: shippingLines.firstPriceMinor, version: shippingLines.version }).from(shippingLines).where(eq(shippingLines.id, id));
    expect(row).toEqual({ price: 12_000, version: 2 });
    await expect(updateShippingLine(db, 999_999_999, 1, line(), actor)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('deactivates a line once: it leaves the quote, and a second click changes nothing', async () => {
    const id = created[0]!;
    expect(await setShippingLineActive(db, id, false, actor)).toEqual({ id, changed: true });
    expect(await setShippingLineActive(db, id, false, actor)).toEqual({ id, changed: false });
    expect((await loadActiveLines(db)).map((l) => l.id)).not.toContain(id);
    const result = await quoteShipping(db, iceland);
    expect([...result.quotes, ...result.unavailable].map((q) => q.lineId)).not.toContain(id);
    expect((await audits(id)).filter((a) => a.action === 'shipping_line.deactivated')).toHaveLength(1);
    await expect(setShippingLineActive(db, 999_999_999, true, actor)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('/admin/shipping/lines', () => {
  const base = process.env.FERRY_TEST_BASE_URL!;
  const password = 'shipping-lines-password-1';

  it('shows admins every line, in Chinese too, and refuses other staff', async () => {
    const admin = `admin-${tag}@ferry.test`;
    const purchaser = `purchaser-${tag}@ferry.test`;
    await createUser(db, { email: admin, password, role: 'admin' });
    await createUser(db, { email: purchaser, password, role: 'purchaser' });
    const asAdmin = await signInOverHttp(base, admin, password);
    const list = await getPage(base, '/zh-CN/admin/shipping/lines', asAdmin);
    expect(list.status).toBe(200);
    for (const code of ['dhl-express', 'ems', 'economy-air', 'eu-tax-included', 'battery-air', 'sea-freight']) expect(list.html).toContain(`data-code="${code}"`);
    expect(list.html).toContain('物流线路');
    const [economy] = await db.select({ id: shippingLines.id }).from(shippingLines).where(eq(shippingLines.code, 'economy-air'));
    const edit = await getPage(base, `/en/admin/shipping/lines/${economy!.id}`, asAdmin);
    expect(edit.status).toBe(200);
    expect(edit.html).toContain('name="firstPrice"');
    expect((await getPage(base, '/en/admin/shipping/lines/999999999', asAdmin)).status).toBe(404);
    expect((await getPage(base, '/en/admin/shipping/lines/abc', asAdmin)).status).toBe(404);

    const asPurchaser = await signInOverHttp(base, purchaser, password);
    expect((await getPage(base, '/en/admin/shipping/lines', asPurchaser)).status).toBe(403);
    expect((await getPage(base, `/en/admin/shipping/lines/${economy!.id}`, asPurchaser)).status).toBe(403);
    expect((await getPage(base, '/en/admin/shipping/lines/new', asPurchaser)).status).toBe(403);
  });
});
