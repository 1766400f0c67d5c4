import { randomUUID } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emailOutbox, passwordResetTokens, users } from '@/db/schema/accounts';
import { createAddress, deleteAddress, getAddress, listAddresses, MAX_ADDRESSES_PER_USER, setDefaultAddress, updateAddress } from '@/lib/addresses/address-book';
import { authorizeCredentials } from '@/lib/auth/authorize';
import { createUser } from '@/lib/auth/create-user';
import { verifyPassword } from '@/lib/auth/password';
import { confirmPasswordReset, hashResetToken, requestPasswordReset } from '@/lib/auth/password-reset';
import { createLimiter, type Limiter } from '@/lib/auth/rate-limit';
import { registerCustomer } from '@/lib/auth/register-customer';
import { listOutbox } from '@/lib/email/list-outbox';
import { sendEmail } from '@/lib/email/send-email';
import { AppError } from '@/lib/errors';
import { startMailSink, type MailSink } from '@/sandboxes/mail-sink/smtp-sink';
import { startBridge, uniqueClientName, type Bridge } from '@/sandboxes/upstash-bridge/bridge';
import { createTestDatabase } from '../support/test-database';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const db = () => handle.db;

beforeAll(async () => {
  handle = await createTestDatabase('ferry_test_accounts');
});
afterAll(async () => handle?.drop());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const allow: Limiter = { check: async () => true };
const address = { name: 'Max Mustermann', line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE', phone: '030 1234567' };

describe('createUser', () => {
  it('stores a lowercased email and an argon2id hash, never the password', async () => {
    const user = await createUser(db(), { email: '  Ada@Example.COM ', password: 'analytical-engine', role: 'customer', name: 'Ada', locale: 'fr' });
    expect(user).toMatchObject({ email: 'ada@example.com', role: 'customer', name: 'Ada', locale: 'fr' });
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain('analytical-engine');
    expect(await verifyPassword(row!.passwordHash, 'analytical-engine')).toBe(true);
  });

  it('refuses a second account for the same email, whatever its case, with conflict', async () => {
    const error = await rejection(createUser(db(), { email: 'ADA@example.com', password: 'another-password', role: 'admin' }));
    expect(error.code).toBe('conflict');
    const [{ n }] = (await db().select({ n: sql<number>`count(*)` }).from(users).where(eq(users.email, 'ada@example.com'))) as [{ n: number }];
    expect(Number(n)).toBe(1);
  });

  it('refuses concurrent duplicates through the unique index', async () => {
    const results = await Promise.allSettled([0, 1, 2].map(() => createUser(db(), { email: 'race@example.com', password: 'password-123', role: 'customer' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) expect((r.reason as AppError).code).toBe('conflict');
  });

  it('reports invalid input as field message keys', async () => {
    const error = await rejection(createUser(db(), { email: 'not-an-email', password: 'short', role: 'emperor' as never }));
    expect(error.code).toBe('validation_failed');
    expect(error.details?.fieldErrors).toEqual({ email: 'emailInvalid', password: 'passwordTooShort', role: 'roleInvalid' });
  });
});

describe('authorizeCredentials', () => {
  let userId: number;
  beforeAll(async () => {
    userId = (await createUser(db(), { email: 'grace@example.com', password: 'cobol-forever', role: 'purchaser', name: 'Grace' })).id;
  });

  it('signs in with the right password (any email case) and runs the sign-in hooks', async () => {
    const seen: number[] = [];
    const user = await authorizeCredentials(db(), { email: 'Grace@Example.com', password: 'cobol-forever', ip: '203.0.113.1' }, { limiter: allow, hooks: [async (id) => void seen.push(id)] });
    expect(user).toEqual({ id: userId, email: 'grace@example.com', role: 'purchaser', name: 'Grace', sessionVersion: 0 });
    expect(seen).toEqual([userId]);
  });

  it('does not fail sign-in when a hook throws, and still runs the next hook', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: number[] = [];
    const hooks = [
      async () => {
        throw new Error('cart service down');
      },
      async (id: number) => void seen.push(id),
    ];
    expect(await authorizeCredentials(db(), { email: 'grace@example.com', password: 'cobol-forever', ip: 'x' }, { limiter: allow, hooks })).not.toBeNull();
    expect(seen).toEqual([userId]);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('answers null for a wrong password, an unknown email, and a disabled account (and runs no hook)', async () => {
    const hook = vi.fn(async () => undefined);
    const deps = { limiter: allow, hooks: [hook] };
    expect(await authorizeCredentials(db(), { email: 'grace@example.com', password: 'cobol-forever!', ip: 'x' }, deps)).toBeNull();
    expect(await authorizeCredentials(db(), { email: 'nobody@example.com', password: 'cobol-forever', ip: 'x' }, deps)).toBeNull();
    expect(await authorizeCredentials(db(), { email: undefined, password: 'cobol-forever', ip: 'x' }, deps)).toBeNull();
    await db().update(users).set({ isDisabled: 1 }).where(eq(users.id, userId));
    expect(await authorizeCredentials(db(), { email: 'grace@example.com', password: 'cobol-forever', ip: 'x' }, deps)).toBeNull();
    await db().update(users).set({ isDisabled: 0 }).where(eq(users.id, userId));
    expect(hook).not.toHaveBeenCalled();
  });

  it('throws rate_limited before checking the password when the limiter says no', async () => {
    const error = await rejection(authorizeCredentials(db(), { email: 'grace@example.com', password: 'cobol-forever', ip: 'x' }, { limiter: { check: async () => false } }));
    expect(error.code).toBe('rate_limited');
  });
});

describe('sign-in rate limit on the real Redis (through the Upstash bridge)', () => {
  let bridge: Bridge;
  let limiter: Limiter;
  beforeAll(async () => {
    bridge = await startBridge({ port: 0, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', token: 'accounts-test-token', clientName: uniqueClientName('accounts-test') });
    const redis = new Redis({ url: bridge.url, token: 'accounts-test-token', enableTelemetry: false });
    limiter = createLimiter(redis, 'signIn', `ferry-test:accounts:${randomUUID()}`);
  });
  afterAll(async () => bridge?.close());

  it('allows 5 attempts per email in 15 minutes, then refuses that email only', async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await limiter.check({ email: 'target@example.com', ip: '198.51.100.1' }));
    expect(results).toEqual([true, true, true, true, true, false]);
    expect(await limiter.check({ email: 'other@example.com', ip: '198.51.100.1' })).toBe(true);
  });

  it('allows 20 attempts per IP across emails', async () => {
    const results = [];
    for (let i = 0; i < 21; i++) results.push(await limiter.check({ email: `spray-${i}@example.com`, ip: '198.51.100.2' }));
    expect(results.slice(0, 20).every(Boolean)).toBe(true);
    expect(results[20]).toBe(false);
  });
});

describe('password reset', () => {
  let userId: number;
  // Reset links travel only by SMTP: the test reads them where a shopper would, in the delivered mail.
  let sink: MailSink;
  const mail = () => ({ smtpUrl: sink.smtpUrl });
  const request = (email: string, locale: string) => requestPasswordReset(db(), { email, locale }, { mail: mail() });
  const latestLink = async () => {
    const delivered = sink.messages.at(-1)!;
    const [row] = await db().select().from(emailOutbox).orderBy(sql`${emailOutbox.id} desc`).limit(1);
    const match = /\/(\w[\w-]*)\/account\/reset-password\?token=([\w-]+)/.exec(delivered.text);
    return { delivered, row: row!, locale: match?.[1], token: match?.[2] ?? '' };
  };

  beforeAll(async () => {
    sink = await startMailSink();
    userId = (await createUser(db(), { email: 'linus@example.com', password: 'old-password', role: 'customer', name: 'Linus' })).id;
  });
  afterAll(async () => sink?.close());

  it('stores only the token hash, with a one-hour expiry, and mails the localized link over SMTP', async () => {
    const before = Date.now();
    await request('LINUS@example.com', 'de');
    const { delivered, row: outboxRow, locale, token } = await latestLink();
    expect(delivered).toMatchObject({ to: ['linus@example.com'], subject: 'Ihr Ferry-Passwort zurücksetzen' });
    expect(outboxRow).toMatchObject({ to: 'linus@example.com', template: 'password-reset', transport: 'smtp', status: 'sent', subject: 'Ihr Ferry-Passwort zurücksetzen' });
    expect(locale).toBe('de');
    expect(token.length).toBeGreaterThanOrEqual(43);
    const [row] = await db().select().from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, hashResetToken(token)));
    expect(row!.userId).toBe(userId);
    expect(row!.usedAt).toBeNull();
    const ttl = row!.expiresAt.getTime() - before;
    expect(ttl).toBeGreaterThan(59 * 60_000);
    expect(ttl).toBeLessThanOrEqual(61 * 60_000);
    const stored = await db().select({ hash: passwordResetTokens.tokenHash }).from(passwordResetTokens);
    expect(stored.some((s) => s.hash === token)).toBe(false);
  });

  it('keeps the outbox copy with the link redacted: whoever reads the outbox cannot reset the password', async () => {
    await request('linus@example.com', 'en');
    const { delivered, row, token } = await latestLink();
    expect(delivered.text).toContain(token);
    expect(row.text).not.toContain(token);
    expect(row.text).not.toMatch(/reset-password/);
    expect(row.text).toContain('[redacted]');
    // The rest of the message is what was sent.
    expect(row.text.replace('[redacted]', '').trimEnd()).toBe(delivered.text.replace(/\r\n/g, '\n').replace(/http\S+reset-password\S+/, '').trimEnd());
    const listed = await listOutbox(db(), { pageSize: 200 });
    expect(JSON.stringify(listed.items)).not.toContain(token);
  });

  it('without SMTP, keeps no readable link anywhere and says why the mail was not sent', async () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const [{ tokensBefore }] = (await db().select({ tokensBefore: sql<number>`count(*)` }).from(passwordResetTokens)) as [{ tokensBefore: number }];
    await requestPasswordReset(db(), { email: 'linus@example.com', locale: 'en' });
    const [row] = await db().select().from(emailOutbox).orderBy(sql`${emailOutbox.id} desc`).limit(1);
    expect(row).toMatchObject({ template: 'password-reset', transport: 'outbox', status: 'failed' });
    expect(row!.error).toMatch(/SMTP_URL is not set/);
    expect(row!.text).toContain('[redacted]');
    expect(row!.text).not.toMatch(/token=/);
    const [{ tokensAfter }] = (await db().select({ tokensAfter: sql<number>`count(*)` }).from(passwordResetTokens)) as [{ tokensAfter: number }];
    expect(Number(tokensAfter)).toBe(Number(tokensBefore) + 1);
    expect(JSON.stringify(warned.mock.calls)).not.toMatch(/token=/);
    warned.mockRestore();
  });

  it('does nothing visible for an unknown email', async () => {
    const [{ before }] = (await db().select({ before: sql<number>`count(*)` }).from(emailOutbox)) as [{ before: number }];
    await expect(request('ghost@example.com', 'en')).resolves.toBeUndefined();
    const [{ after }] = (await db().select({ after: sql<number>`count(*)` }).from(emailOutbox)) as [{ after: number }];
    expect(Number(after)).toBe(Number(before));
  });

  it('sets the new password once; the token (and every other open token) cannot be used again', async () => {
    await request('linus@example.com', 'en');
    const first = (await latestLink()).token;
    await request('linus@example.com', 'en');
    const second = (await latestLink()).token;
    expect(first).not.toBe(second);

    await expect(confirmPasswordReset(db(), { token: second, password: 'brand-new-password' })).resolves.toEqual({ userId });
    const [user] = await db().select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
    expect(await verifyPassword(user!.hash, 'brand-new-password')).toBe(true);
    expect(await verifyPassword(user!.hash, 'old-password')).toBe(false);

    for (const token of [second, first]) {
      const error = await rejection(confirmPasswordReset(db(), { token, password: 'yet-another-password' }));
      expect(error.code).toBe('bad_request');
      expect(error.details?.reason).toBe('invalid_token');
    }
    const open = await db().select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
    expect(open.every((t) => t.usedAt !== null)).toBe(true);
  });

  it('refuses an expired token and leaves the password alone', async () => {
    await request('linus@example.com', 'en');
    const { token } = await latestLink();
    await db()
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResetTokens.tokenHash, hashResetToken(token)));
    const error = await rejection(confirmPasswordReset(db(), { token, password: 'expired-attempt' }));
    expect(error.details?.reason).toBe('invalid_token');
    const [user] = await db().select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
    expect(await verifyPassword(user!.hash, 'brand-new-password')).toBe(true);
  });

  it('refuses an unknown token and a too-short password', async () => {
    expect((await rejection(confirmPasswordReset(db(), { token: 'made-up-token', password: 'long-enough' }))).details?.reason).toBe('invalid_token');
    expect((await rejection(confirmPasswordReset(db(), { token: 'made-up-token', password: 'short' }))).code).toBe('validation_failed');
  });
});

describe('sendEmail and the outbox', () => {
  it('records the message first, then marks it sent through the transport', async () => {
    const sendMail = vi.fn(async () => ({}));
    const result = await sendEmail(db(), { to: 'a@example.com', subject: 'Hi', text: 'Body', template: 'test' }, { transport: { sendMail } as never });
    expect(result.status).toBe('sent');
    expect(sendMail).toHaveBeenCalledWith(expect.objectContaining({ to: 'a@example.com', subject: 'Hi', text: 'Body' }));
    const [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.id, result.id));
    expect(row).toMatchObject({ status: 'sent', transport: 'smtp', error: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it('marks a failed delivery with a truncated error that never holds the SMTP password', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const sendMail = vi.fn(async () => {
      throw new Error(`535 authentication failed for smtp://mailer:hunter2@mail.example.com ${'x'.repeat(400)}`);
    });
    const result = await sendEmail(db(), { to: 'b@example.com', subject: 'Hi', text: 'Body', template: 'test' }, { transport: { sendMail } as never, smtpUrl: 'smtp://mailer:hunter2@mail.example.com:587' });
    expect(result.status).toBe('failed');
    const [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.id, result.id));
    expect(row!.status).toBe('failed');
    expect(row!.error!.length).toBeLessThanOrEqual(255);
    expect(row!.error).toContain('535 authentication failed');
    expect(row!.error).not.toContain('hunter2');
    expect(JSON.stringify(logged.mock.calls)).not.toContain('hunter2');
    logged.mockRestore();
  });

  it('keeps the message as stored when no SMTP is configured', async () => {
    const result = await sendEmail(db(), { to: 'c@example.com', subject: 'Stored', text: 'Body', template: 'test' });
    expect(result.status).toBe('stored');
    const [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.id, result.id));
    expect(row).toMatchObject({ status: 'stored', transport: 'outbox' });
  });

  it('lists the outbox newest first, paginated', async () => {
    const all = await listOutbox(db(), { page: 1, pageSize: 200 });
    expect(all.total).toBe(all.items.length);
    const ids = all.items.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const page2 = await listOutbox(db(), { page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(page2.items.map((m) => m.id)).toEqual(ids.slice(2, 4));
  });

  it('does not store a secret in the error of a failed delivery either', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const secret = 'http://localhost:3000/en/account/reset-password?token=leaky-token-123';
    const sendMail = vi.fn(async () => {
      throw new Error(`message rejected: ${secret}`);
    });
    const result = await sendEmail(db(), { to: 'd@example.com', subject: 'Reset', text: `Open ${secret}`, template: 'test', secrets: [secret] }, { transport: { sendMail } as never });
    expect(sendMail).toHaveBeenCalledWith(expect.objectContaining({ text: `Open ${secret}` }));
    const [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.id, result.id));
    expect(row).toMatchObject({ status: 'failed', text: 'Open [redacted]' });
    expect(row!.error).not.toContain('leaky-token-123');
    expect(JSON.stringify(logged.mock.calls)).not.toContain('leaky-token-123');
    logged.mockRestore();
  });
});

describe('registerCustomer (self-service sign-up)', () => {
  const usersNamed = async (email: string) => db().select().from(users).where(eq(users.email, email));
  const lastMailTo = async (to: string) => {
    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.to, to)).orderBy(sql`${emailOutbox.id} desc`).limit(1);
    return mail;
  };

  it('creates a customer and sends the welcome email in their language', async () => {
    await expect(registerCustomer(db(), { email: 'New@Example.com', password: 'welcome-aboard', name: 'Nina', locale: 'es' })).resolves.toBeUndefined();
    const [user] = await usersNamed('new@example.com');
    expect(user).toMatchObject({ email: 'new@example.com', role: 'customer', locale: 'es', name: 'Nina' });
    expect(await verifyPassword(user!.passwordHash, 'welcome-aboard')).toBe(true);
    const mail = await lastMailTo('new@example.com');
    expect(mail).toMatchObject({ template: 'welcome', subject: 'Te damos la bienvenida a Ferry' });
    expect(mail!.text).toContain('/es/account');
  });

  it('answers an email that already has an account exactly the same, changes nothing, and mails its owner instead', async () => {
    const [before] = await usersNamed('new@example.com');
    const answer = await registerCustomer(db(), { email: ' NEW@example.com ', password: 'attacker-password', name: 'Mallory', locale: 'en' });
    expect(answer).toBeUndefined();
    const after = await usersNamed('new@example.com');
    expect(after).toHaveLength(1);
    expect(after[0]).toEqual(before);
    expect(await verifyPassword(after[0]!.passwordHash, 'attacker-password')).toBe(false);
    // The owner hears of it, in their own language and by their own name, with ways back in.
    const mail = await lastMailTo('new@example.com');
    expect(mail).toMatchObject({ template: 'sign-up-attempt', status: 'stored' });
    expect(mail!.text).toContain('Nina');
    expect(mail!.text).not.toContain('Mallory');
    expect(mail!.text).toContain('/es/account/sign-in');
    expect(mail!.text).toContain('/es/account/forgot-password');
  });

  it('refuses invalid input the same way whether the email is taken or not', async () => {
    for (const email of ['new@example.com', 'unknown@example.com']) {
      const error = await rejection(registerCustomer(db(), { email, password: 'short', locale: 'en' }));
      expect(error.code).toBe('validation_failed');
      expect(error.details?.fieldErrors).toEqual({ password: 'passwordTooShort' });
    }
    expect(await usersNamed('unknown@example.com')).toEqual([]);
  });

  it('hands the mail to `defer` when given, for both answers', async () => {
    const deferred: (() => Promise<void>)[] = [];
    await registerCustomer(db(), { email: 'later@example.com', password: 'later-password', locale: 'en' }, { defer: (task) => void deferred.push(task) });
    await registerCustomer(db(), { email: 'later@example.com', password: 'later-password', locale: 'en' }, { defer: (task) => void deferred.push(task) });
    expect(deferred).toHaveLength(2);
    expect(await lastMailTo('later@example.com')).toBeUndefined();
    for (const task of deferred) await task();
    const mails = await db().select({ template: emailOutbox.template }).from(emailOutbox).where(eq(emailOutbox.to, 'later@example.com')).orderBy(emailOutbox.id);
    expect(mails.map((m) => m.template)).toEqual(['welcome', 'sign-up-attempt']);
  });
});

describe('address book', () => {
  let alice: number;
  let bob: number;
  beforeAll(async () => {
    alice = (await createUser(db(), { email: 'alice@example.com', password: 'alice-password', role: 'customer' })).id;
    bob = (await createUser(db(), { email: 'bob@example.com', password: 'bob-password', role: 'customer' })).id;
  });

  it('normalises on save; the first address becomes the default', async () => {
    const saved = await createAddress(db(), alice, address);
    expect(saved).toMatchObject({ phone: '+49301234567', country: 'DE', postalCode: '10117', isDefault: true, line2: null });
    const second = await createAddress(db(), alice, { ...address, line1: 'Friedrichstraße 2' });
    expect(second.isDefault).toBe(false);
    const list = await listAddresses(db(), alice);
    expect(list.map((a) => a.id)).toEqual([saved.id, second.id]);
  });

  it('rejects an invalid address with field message keys', async () => {
    const error = await rejection(createAddress(db(), alice, { ...address, postalCode: '1011', phone: '030 12' }));
    expect(error.code).toBe('validation_failed');
    expect(error.details?.fieldErrors).toEqual({ postalCode: 'postalCodeInvalid', phone: 'phoneInvalid' });
  });

  it("scopes every operation to its owner: another user's address id is not_found and stays untouched", async () => {
    const [mine] = await listAddresses(db(), alice);
    expect(await listAddresses(db(), bob)).toEqual([]);
    expect((await rejection(getAddress(db(), bob, mine!.id))).code).toBe('not_found');
    expect((await rejection(updateAddress(db(), bob, mine!.id, { ...address, name: 'Mallory' }))).code).toBe('not_found');
    expect((await rejection(deleteAddress(db(), bob, mine!.id))).code).toBe('not_found');
    expect((await rejection(setDefaultAddress(db(), bob, mine!.id))).code).toBe('not_found');
    expect(await getAddress(db(), alice, mine!.id)).toMatchObject({ name: 'Max Mustermann', isDefault: true });
  });

  it('updates (also when nothing changed), switches the default, and promotes another default on delete', async () => {
    const [first, second] = await listAddresses(db(), alice);
    expect(await updateAddress(db(), alice, first!.id, address)).toMatchObject({ id: first!.id });
    expect(await updateAddress(db(), alice, second!.id, { ...address, line2: 'Hinterhaus', phone: '+49 151 12345678' })).toMatchObject({ line2: 'Hinterhaus', phone: '+4915112345678' });

    await setDefaultAddress(db(), alice, second!.id);
    const afterSwitch = await listAddresses(db(), alice);
    expect(afterSwitch.filter((a) => a.isDefault).map((a) => a.id)).toEqual([second!.id]);

    await updateAddress(db(), alice, first!.id, address, { isDefault: true });
    expect((await listAddresses(db(), alice)).map((a) => [a.id, a.isDefault])).toEqual([
      [first!.id, true],
      [second!.id, false],
    ]);
    await setDefaultAddress(db(), alice, second!.id);

    await deleteAddress(db(), alice, second!.id);
    const afterDelete = await listAddresses(db(), alice);
    expect(afterDelete.map((a) => [a.id, a.isDefault])).toEqual([[first!.id, true]]);
  });

  it(`holds at most ${MAX_ADDRESSES_PER_USER} addresses per user, even when saved concurrently`, async () => {
    const carol = (await createUser(db(), { email: 'carol@example.com', password: 'carol-password', role: 'customer' })).id;
    const results = await Promise.allSettled(Array.from({ length: MAX_ADDRESSES_PER_USER + 3 }, (_, i) => createAddress(db(), carol, { ...address, line1: `Weg ${i}` })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(MAX_ADDRESSES_PER_USER);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => (r.reason as AppError).details?.reason)).toEqual(['address_limit', 'address_limit', 'address_limit']);
    const list = await listAddresses(db(), carol);
    expect(list).toHaveLength(MAX_ADDRESSES_PER_USER);
    expect(list.filter((a) => a.isDefault)).toHaveLength(1);
  });
});
