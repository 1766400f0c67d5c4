import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, emailOutbox, orders, paymentLedger, reconciliationItems, reconciliationRuns } from '@/db/schema';
import { createUser } from '@/lib/auth/create-user';
import { placeOrder } from '@/lib/checkout/place-order';
import { parseEnv, type Env } from '@/lib/env';
import { utcDay } from '@/lib/finance/reconcile/day';
import { sendReconciliationAlerts } from '@/lib/finance/reconcile/alert-finance';
import { explainReconciliationItem } from '@/lib/finance/reconcile/explain-item';
import { openReconciliationAlerts } from '@/lib/finance/reconcile/open-alerts';
import { runDailyReconciliation, runReconciliation } from '@/lib/finance/reconcile/run-reconciliation';
import { toDecimalString, type IsoCurrencyCode } from '@/lib/money';
import { startOrderPayment } from '@/lib/payments/pay-order';
import { processWebhookEvent } from '@/lib/payments/process-webhook-event';
import { receivePaymentWebhook } from '@/lib/payments/receive-webhook';
import { sandboxGateway } from '@/lib/payments/stripe-api';
import { startPaymentGateway, type PaymentGateway } from '@/sandboxes/payment-gateway/gateway';
import { startTestReceiver, type TestReceiver } from '@/sandboxes/payment-gateway/test-receiver';
import { createCheckoutWorld, orderInput, skuWithStock, type CheckoutWorld } from '../support/checkout-fixtures';

// Orders paid and refunded through the real sandbox gateway (its signed webhooks written to the
// ledger by Ferry's own webhook path), then the day reconciled against the gateway's balance
// transactions and against a settlement report, with differences planted at the gateway.
const SECRET = 'sk_test_ferry_sandbox';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
let world: CheckoutWorld;
let gateway: PaymentGateway;
let receiver: TestReceiver;
let env: Env;
let stripe: Stripe;
let finance: { id: number; email: string };
const today = utcDay(new Date());
const paid: { id: number; number: string; paymentId: string; chargeMinor: number; chargeCurrency: string }[] = [];

beforeAll(async () => {
  world = await createCheckoutWorld('ferry_test_reconcile', 4);
  // Every webhook the sandbox sends goes through Ferry's own path: verify, store, process.
  receiver = await startTestReceiver(async (request) => {
    const stored = await receivePaymentWebhook(world.db, 'sandbox', request.body, request.signature);
    if (stored.isNew) await processWebhookEvent(world.db, null, stored.id);
    return 200;
  });
  gateway = await startPaymentGateway({ secretKey: SECRET, webhookUrl: receiver.url, webhookSecret: 'whsec_ferry_sandbox_demo', duplicates: false, reorder: false, retry: { attempts: 3, baseMs: 10 } });
  env = parseEnv({ ...process.env, PAYMENT_GATEWAY: 'sandbox', SANDBOX_GATEWAY_URL: gateway.url, SANDBOX_SECRET_KEY: SECRET });
  stripe = new Stripe(SECRET, { host: '127.0.0.1', port: Number(new URL(gateway.url).port), protocol: 'http' });
  finance = await createUser(world.db, { email: `finance-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'finance' });
});
afterAll(async () => {
  await gateway?.close();
  await receiver?.close();
  await world?.close();
});

const ledgerRows = () => world.db.select().from(paymentLedger);

async function payOrder(offset: number, quantity: number) {
  const { order } = await placeOrder({ db: world.db, redis: world.redis }, orderInput(await skuWithStock(world, 10, offset), quantity, randomUUID(), { gateway: 'sandbox' }));
  const [row] = await world.db.select().from(orders).where(eq(orders.id, order.id));
  await startOrderPayment(world.db, env, row!, `http://shop.test/pay/${order.number}/return`);
  const [started] = await world.db.select({ paymentId: orders.gatewayPaymentId }).from(orders).where(eq(orders.id, order.id));
  expect((await fetch(`${gateway.url}/__sandbox/intents/${started!.paymentId}/succeed`, { method: 'POST' })).status).toBe(200);
  paid.push({ id: order.id, number: order.number, paymentId: started!.paymentId!, chargeMinor: order.chargeMinor, chargeCurrency: order.chargeCurrency });
}

async function waitForLedger(count: number) {
  for (let i = 0; i < 300 && (await ledgerRows()).length < count; i++) await new Promise((r) => setTimeout(r, 20));
  expect(await ledgerRows()).toHaveLength(count);
}

async function ferry(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'cli/ferry.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: world.url, PAYMENT_GATEWAY: 'sandbox', SANDBOX_GATEWAY_URL: gateway.url, SANDBOX_SECRET_KEY: SECRET, UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9' },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('daily reconciliation against the sandbox gateway', () => {
  it('a clean day: every charge and refund matched, no items, no alert', async () => {
    await payOrder(0, 1);
    await payOrder(1, 2);
    await payOrder(2, 1);
    await waitForLedger(3);
    const refunded = paid[0]!;
    await sandboxGateway(env).refund(refunded.paymentId, Math.floor(refunded.chargeMinor / 3));
    await waitForLedger(4);

    const run = await runReconciliation(world.db, env, { day: today });
    expect(run!.output).toEqual({ matched: 4, missingInLedger: [], missingInSettlement: [], amountMismatches: [], mismatchRate: 0, alert: false });
    const [stored] = await world.db.select().from(reconciliationRuns).where(eq(reconciliationRuns.id, run!.runId));
    expect(stored).toMatchObject({ day: today, gateway: 'sandbox', source: 'api', status: 'done', matchedCount: 4, itemCount: 0, isAlert: 0 });
    const totals = JSON.parse(stored!.totals!) as Record<string, { grossMinor: number; feeMinor: number }>;
    const currency = refunded.chargeCurrency;
    expect(totals[currency]!.grossMinor).toBe(paid.reduce((n, o) => n + o.chargeMinor, 0) + Math.floor(refunded.chargeMinor / 3));
    expect(totals[currency]!.feeMinor).toBeGreaterThan(0);
  });

  it('reports a gateway-only movement, an altered amount and a ledger row the gateway never had; alerts finance once', async () => {
    const planted = await fetch(`${gateway.url}/__sandbox/balance_transactions`, {
      method: 'POST',
      body: JSON.stringify({ transactions: [{ amount: 12_345, currency: paid[0]!.chargeCurrency.toLowerCase(), payment_intent: 'pi_unknown_to_ferry' }] }),
    }).then((r) => r.json() as Promise<{ data: { id: string }[] }>);
    const target = paid[1]!;
    const charge = (await stripe.paymentIntents.retrieve(target.paymentId)).latest_charge as string;
    const [txn] = (await stripe.balanceTransactions.list({ limit: 100 })).data.filter((t) => t.source === charge);
    await fetch(`${gateway.url}/__sandbox/balance_transactions/${txn!.id}`, { method: 'POST', body: JSON.stringify({ amount: target.chargeMinor + 500 }) });
    // Money Ferry recorded that the gateway never moved (a forged or misrouted callback).
    const [ghost] = await world.db.insert(paymentLedger).values({ orderId: paid[2]!.id, gateway: 'sandbox', transactionId: 'pi_never_at_gateway', kind: 'charge', amountMinor: 777, currency: paid[2]!.chargeCurrency, eventId: 'evt_ghost' }).$returningId();

    const run = await runReconciliation(world.db, env, { day: today });
    const out = run!.output;
    expect(out.matched).toBe(3);
    expect(out.missingInLedger).toEqual([{ balanceTransactionId: planted.data[0]!.id, category: 'charge', amountMinor: 12_345, currency: paid[0]!.chargeCurrency, chargeId: expect.stringMatching(/^ch_/), paymentIntentId: 'pi_unknown_to_ferry', sourceId: expect.stringMatching(/^ch_/) }]);
    expect(out.amountMismatches).toEqual([
      { balanceTransactionId: txn!.id, ledgerId: expect.any(Number), orderId: target.id, transactionId: target.paymentId, kind: 'amount', gateway: { amountMinor: target.chargeMinor + 500, currency: target.chargeCurrency }, ledger: { amountMinor: target.chargeMinor, currency: target.chargeCurrency } },
    ]);
    expect(out.missingInSettlement).toEqual([{ ledgerId: ghost!.id, orderId: paid[2]!.id, kind: 'charge', transactionId: 'pi_never_at_gateway', amountMinor: 777, currency: paid[2]!.chargeCurrency }]);
    expect(out.alert).toBe(true);
    expect(out.mismatchRate).toBeGreaterThan(0.005);

    // The same day again replaces its diff: one run row per (day, gateway, source), one email.
    const again = await runReconciliation(world.db, env, { day: today });
    expect(again!.runId).toBe(run!.runId);
    expect(await world.db.select().from(reconciliationRuns).where(eq(reconciliationRuns.source, 'api'))).toHaveLength(1);
    expect(await world.db.select().from(reconciliationItems).where(eq(reconciliationItems.runId, run!.runId))).toHaveLength(3);
    // The server's job emails finance once per run, whoever ran it.
    expect(await sendReconciliationAlerts(world.db)).toBe(1);
    expect(await sendReconciliationAlerts(world.db)).toBe(0);
    const mails = await world.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'reconciliation-alert'));
    expect(mails.map((m) => m.to)).toEqual([finance.email]);
    expect(mails[0]!.text).toContain(`/admin/finance/reconciliation/${run!.runId}`);
    // The daily job's claim finds the day taken.
    expect(await runReconciliation(world.db, env, { day: today, mode: 'claim' })).toBeNull();
  });

  it('the daily job reconciles yesterday once, half an hour after midnight UTC', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    const at = (time: string) => new Date(`${utcDay(tomorrow)}T${time}Z`);
    expect(await runDailyReconciliation(world.db, env, at('00:10:00'))).toBeNull();
    // Today was already reconciled by hand: the job leaves it alone.
    expect(await runDailyReconciliation(world.db, env, at('00:45:00'))).toBeNull();
    const later = new Date(Date.now() + 2 * 86_400_000);
    const first = await runDailyReconciliation(world.db, env, new Date(`${utcDay(later)}T01:00:00Z`));
    expect(first).toEqual({ day: utcDay(tomorrow), output: { matched: 0, missingInLedger: [], missingInSettlement: [], amountMismatches: [], mismatchRate: 0, alert: false } });
    expect(await runDailyReconciliation(world.db, env, new Date(`${utcDay(later)}T02:00:00Z`))).toBeNull();
    expect(await world.db.select().from(reconciliationRuns).where(eq(reconciliationRuns.day, utcDay(tomorrow)))).toHaveLength(1);
  });

  it('keeps the banner up until every item is explained; an explanation survives a re-run', async () => {
    expect((await openReconciliationAlerts(world.db)).map((a) => a.day)).toEqual([today]);
    const items = await world.db.select().from(reconciliationItems);
    const actor = { type: 'user' as const, id: finance.id, label: finance.email };
    for (const item of items) expect(await explainReconciliationItem(world.db, { itemId: item.id, note: `checked ${item.kind}`, userId: finance.id, actor })).toBe(true);
    expect(await explainReconciliationItem(world.db, { itemId: items[0]!.id, note: 'twice', userId: finance.id, actor })).toBe(false);
    expect(await openReconciliationAlerts(world.db)).toEqual([]);
    expect(await world.db.select().from(auditLog).where(eq(auditLog.action, 'reconciliation.item_explained'))).toHaveLength(3);
    await runReconciliation(world.db, env, { day: today });
    const after = await world.db.select().from(reconciliationItems).where(eq(reconciliationItems.status, 'explained'));
    expect(after.map((i) => i.note).sort()).toEqual(items.map((i) => `checked ${i.kind}`).sort());
    expect(await openReconciliationAlerts(world.db)).toEqual([]);
  });

  it('imports a settlement report (columns by name, major units) with its own differences', async () => {
    const all = (await stripe.balanceTransactions.list({ limit: 100, expand: ['data.source'] })).data;
    const major = (minor: number, currency: string) => toDecimalString({ amountMinor: minor, currency: currency.toUpperCase() as IsoCurrencyCode });
    const lines = all
      .filter((t) => !(typeof t.source === 'object' && (t.source as Stripe.Charge).payment_intent === 'pi_unknown_to_ferry'))
      .map((t) => {
        const source = t.source as Stripe.Charge | Stripe.Refund;
        const chargeId = source.object === 'charge' ? source.id : (source.charge as string);
        const intent = source.payment_intent as string;
        const created = new Date(t.created * 1000).toISOString().replace('T', ' ').slice(0, 19);
        return [t.reporting_category, `"Ferry, ${t.type}"`, major(t.fee, t.currency), t.id, created, t.currency, major(t.amount, t.currency), major(t.net, t.currency), chargeId, intent, source.id].join(',');
      });
    // One movement only the report has, in an unknown category.
    lines.push(`climate_contribution,"Carbon removal",0.00,txn_report_only,${today} 12:00:00,${paid[0]!.chargeCurrency.toLowerCase()},-1.00,-1.00,,,`);
    const csv = ['reporting_category,description,fee,balance_transaction_id,created_utc,currency,gross,net,charge_id,payment_intent_id,source_id', ...lines].join('\r\n');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-settlement-'));
    const file = path.join(dir, 'itemized.csv');
    await writeFile(file, csv);

    const run = await runReconciliation(world.db, env, { file });
    expect(run!.output.missingInLedger.map((m) => [m.balanceTransactionId, m.category, m.amountMinor])).toEqual([['txn_report_only', 'climate_contribution', -100]]);
    expect(run!.output.amountMismatches.map((m) => m.transactionId)).toEqual([paid[1]!.paymentId]);
    expect(run!.output.missingInSettlement.map((m) => m.transactionId)).toEqual(['pi_never_at_gateway']);
    expect(run!.output.matched).toBe(3);
    const runs = await world.db.select().from(reconciliationRuns).where(and(eq(reconciliationRuns.day, today), eq(reconciliationRuns.source, 'file')));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.otherCategories).toContain('climate_contribution');

    // Through the CLI: the contract's keys exactly, exit 0; bad input refused with a non-zero exit.
    const cli = await ferry('finance', 'reconcile', '--date', today, '--file', file);
    expect(cli.code, cli.stderr).toBe(0);
    const printed = JSON.parse(cli.stdout) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(['matched', 'missingInLedger', 'missingInSettlement', 'amountMismatches', 'mismatchRate', 'alert']);
    expect(printed).toMatchObject({ matched: 3, alert: true });
    const api = await ferry('finance', 'reconcile', '--date', today);
    expect(api.code, api.stderr).toBe(0);
    expect(JSON.parse(api.stdout)).toMatchObject({ matched: 3, alert: true });

    const badDate = await ferry('finance', 'reconcile', '--date', '2026-02-30');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--date must be a calendar day/);
    const missing = await ferry('finance', 'reconcile', '--file', path.join(dir, 'nope.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    await writeFile(path.join(dir, 'headers.csv'), 'id,amount\ntxn_1,1.00\n');
    const headers = await ferry('finance', 'reconcile', '--file', path.join(dir, 'headers.csv'));
    expect(headers.code).toBe(1);
    expect(headers.stderr).toMatch(/lacks the column\(s\) balance_transaction_id, created_utc, currency, gross, reporting_category/);
  });
});
