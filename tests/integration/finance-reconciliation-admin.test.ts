import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { reconciliationItems, reconciliationRuns } from '@/db/schema';
import { createUser } from '@/lib/auth/create-user';
import { explainReconciliationItem } from '@/lib/finance/reconcile/explain-item';
import { getPage, signInOverHttp } from '../support/http-session';

// The running server's reconciliation pages: finance sees the days, a day's differences with the
// form to explain them and the alert banner until they are explained; other staff are refused.
const base = process.env.FERRY_TEST_BASE_URL!;
let db: Database;
let runId: number;
let itemId: number;
// A day of its own in the shared test database: a random one in 1990–2009.
const day = `${1990 + Math.floor(Math.random() * 20)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
const password = 'finance-password-1';
const finance = `finance-${randomUUID()}@ferry.test`;
const purchaser = `purchaser-${randomUUID()}@ferry.test`;

beforeAll(async () => {
  expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
  db = databaseFor(process.env.DATABASE_URL!);
  await db.delete(reconciliationRuns).where(eq(reconciliationRuns.day, day));
  const [run] = await db
    .insert(reconciliationRuns)
    .values({ day, gateway: 'sandbox', source: 'api', status: 'done', matchedCount: 9, movementCount: 10, itemCount: 1, mismatchRate: '0.10000000', isAlert: 1, totals: JSON.stringify({ USD: { grossMinor: 10_000, feeMinor: 320, mismatchedMinor: 1_000, movements: 10 } }), finishedAt: new Date(), alertSentAt: new Date() })
    .$returningId();
  runId = run!.id;
  const [item] = await db
    .insert(reconciliationItems)
    .values({ runId, kind: 'missing_in_ledger', itemKey: 'gw:txn_admin_page', category: 'charge', balanceTransactionId: 'txn_admin_page', paymentIntentId: 'pi_admin_page', gatewayAmountMinor: 1_000, gatewayCurrency: 'USD', mismatchMinor: 1_000, mismatchCurrency: 'USD' })
    .$returningId();
  itemId = item!.id;
  await createUser(db, { email: finance, password, role: 'finance' });
  await createUser(db, { email: purchaser, password, role: 'purchaser' });
});
afterAll(async () => {
  await db?.delete(reconciliationItems).where(eq(reconciliationItems.runId, runId));
  await db?.delete(reconciliationRuns).where(eq(reconciliationRuns.id, runId));
  await closeDatabases();
});

describe('/admin/finance/reconciliation', () => {
  it('shows finance the days, a day’s differences with the explain form, and the banner until explained', async () => {
    const cookie = await signInOverHttp(base, finance, password);
    const list = await getPage(base, '/en/admin/finance/reconciliation', cookie);
    expect(list.status).toBe(200);
    expect(list.html).toContain(`data-day="${day}"`);
    expect(list.html).toContain('data-testid="reconciliation-banner"');
    const detail = await getPage(base, `/en/admin/finance/reconciliation/${runId}`, cookie);
    expect(detail.status).toBe(200);
    expect(detail.html).toContain('txn_admin_page');
    expect(detail.html).toContain('Missing in the ledger');
    expect(detail.html).toContain('data-testid="reconciliation-explain-form"');
    const german = await getPage(base, `/de/admin/finance/reconciliation/${runId}`, cookie);
    expect(german.html).toContain('Fehlt im Journal');

    await explainReconciliationItem(db, { itemId, note: 'A test payment made by hand at the gateway', userId: 0, actor: { type: 'user', id: 0, label: finance } });
    const after = await getPage(base, `/en/admin/finance/reconciliation/${runId}`, cookie);
    expect(after.html).toContain('A test payment made by hand at the gateway');
    expect(after.html).not.toContain(`/admin/finance/reconciliation/${runId}">Review the differences`);
    expect(after.html).not.toContain('data-testid="reconciliation-explain-form"');
  });

  it('refuses staff without payments:read', async () => {
    const cookie = await signInOverHttp(base, purchaser, password);
    expect((await getPage(base, '/en/admin/finance/reconciliation', cookie)).status).toBe(403);
  });
});
