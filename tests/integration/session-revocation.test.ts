import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { createUser } from '@/lib/auth/create-user';
import { confirmPasswordReset, requestPasswordReset } from '@/lib/auth/password-reset';
import { endAllSessions } from '@/lib/auth/session-version';
import { startMailSink, type MailSink } from '@/sandboxes/mail-sink/smtp-sink';
import { getPage, signInOverHttp } from '../support/http-session';

// Runs against the production server that `npm test` starts (scripts/test.sh), on the test
// database: real session cookies, issued by next-auth, read back by the pages.
const base = process.env.FERRY_TEST_BASE_URL!;
let db: Database;
let sink: MailSink;

beforeAll(async () => {
  db = databaseFor(process.env.DATABASE_URL!);
  sink = await startMailSink();
});
afterAll(async () => {
  await sink?.close();
  await closeDatabases();
});

const email = (who: string) => `${who}-${randomUUID()}@ferry.test`;
const isSignInRedirect = (page: { status: number; location: string | null }) => page.status >= 300 && page.status < 400 && /\/account\/sign-in/.test(page.location ?? '');

/** A reset the way a shopper does it: request, open the link from the delivered mail, choose a password. */
async function resetPassword(address: string, password: string): Promise<void> {
  await requestPasswordReset(db, { email: address, locale: 'en' }, { mail: { smtpUrl: sink.smtpUrl } });
  const mail = await sink.waitFor((m) => m.to.includes(address));
  const token = /reset-password\?token=([\w-]+)/.exec(mail.text)?.[1];
  expect(token).toBeTruthy();
  await confirmPasswordReset(db, { token: token!, password });
}

describe('sessions end with a password reset or "sign out everywhere" (live server)', () => {
  it('needs the test server', () => {
    expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
  });

  it('refuses a session cookie taken before a password reset, on the account and the admin', async () => {
    const address = email('staff');
    await createUser(db, { email: address, password: 'before-reset-1', role: 'service' });
    const laptop = await signInOverHttp(base, address, 'before-reset-1');
    const phone = await signInOverHttp(base, address, 'before-reset-1');
    for (const cookie of [laptop, phone]) {
      const account = await getPage(base, '/en/account', cookie);
      expect(account.status).toBe(200);
      expect(account.html).toContain(address);
      expect((await getPage(base, '/en/admin/outbox', cookie)).status).toBe(200);
    }

    await resetPassword(address, 'after-reset-22');

    for (const cookie of [laptop, phone]) {
      expect(isSignInRedirect(await getPage(base, '/en/account', cookie))).toBe(true);
      expect(isSignInRedirect(await getPage(base, '/en/admin/outbox', cookie))).toBe(true);
    }
    // The new password signs in again, and that session works.
    const fresh = await signInOverHttp(base, address, 'after-reset-22');
    expect((await getPage(base, '/en/account', fresh)).status).toBe(200);
    expect((await getPage(base, '/en/admin/outbox', fresh)).status).toBe(200);
    await expect(signInOverHttp(base, address, 'before-reset-1')).rejects.toThrow(/failed/);
  });

  it('"sign out everywhere" ends every session of the account and no one else\'s', async () => {
    const mine = email('shopper');
    const theirs = email('other');
    const me = await createUser(db, { email: mine, password: 'shopper-password', role: 'customer' });
    const other = await createUser(db, { email: theirs, password: 'other-password', role: 'customer' });
    const first = await signInOverHttp(base, mine, 'shopper-password');
    const second = await signInOverHttp(base, mine, 'shopper-password');
    const bystander = await signInOverHttp(base, theirs, 'other-password');

    await endAllSessions(db, me.id);

    expect(isSignInRedirect(await getPage(base, '/en/account', first))).toBe(true);
    expect(isSignInRedirect(await getPage(base, '/en/account', second))).toBe(true);
    const untouched = await getPage(base, '/en/account', bystander);
    expect(untouched.status).toBe(200);
    expect(untouched.html).toContain(theirs);
    expect(other.id).not.toBe(me.id);
    // Signing in again works at once.
    expect((await getPage(base, '/en/account', await signInOverHttp(base, mine, 'shopper-password'))).status).toBe(200);
  });
});

describe('the outbox a customer service agent reads (live server)', () => {
  it('shows the reset mail for the admin\'s account with its link redacted', async () => {
    const admin = email('admin');
    const agent = email('agent');
    await createUser(db, { email: admin, password: 'admin-password', role: 'admin' });
    await createUser(db, { email: agent, password: 'agent-password', role: 'service' });
    await requestPasswordReset(db, { email: admin, locale: 'en' }, { mail: { smtpUrl: sink.smtpUrl } });
    const delivered = await sink.waitFor((m) => m.to.includes(admin));
    const token = /reset-password\?token=([\w-]+)/.exec(delivered.text)![1]!;

    const outbox = await getPage(base, '/en/admin/outbox', await signInOverHttp(base, agent, 'agent-password'));
    expect(outbox.status).toBe(200);
    expect(outbox.html).toContain(admin);
    expect(outbox.html).toContain('[redacted]');
    expect(outbox.html).not.toContain(token);
    expect(outbox.html).not.toMatch(/reset-password\?token=/);
  });
});
