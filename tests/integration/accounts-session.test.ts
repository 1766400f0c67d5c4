import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { users } from '@/db/schema/accounts';
import { createUser } from '@/lib/auth/create-user';
import { AppError } from '@/lib/errors';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { dropDatabase, migrateDatabase } from '@/db/migrate';

// The session cookie is next-auth's business; what Ferry adds is the database re-read, tested here.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: number; sessionVersion?: number } } }));
// The real getDb() resolves DATABASE_URL: point it at this file's own database before anything reads the environment.
const { DATABASE_URL, previousUrl } = vi.hoisted(() => {
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `mysql://root@127.0.0.1:3306/ferry_test_session_${process.pid}`;
  return { DATABASE_URL: process.env.DATABASE_URL, previousUrl };
});
vi.mock('next-auth', () => ({ getServerSession: async () => session.current }));

const { getCurrentUser, requirePermission, requireUser } = await import('@/lib/auth/session');
const { endAllSessions } = await import('@/lib/auth/session-version');

let handle: { db: Database; drop(): Promise<void> };
let userId: number;

beforeAll(async () => {
  await migrateDatabase(DATABASE_URL);
  handle = {
    db: databaseFor(DATABASE_URL),
    async drop() {
      await closeDatabases();
      await dropDatabase(DATABASE_URL);
      process.env.DATABASE_URL = previousUrl;
    },
  };
  userId = (await createUser(handle.db, { email: 'staff@example.com', password: 'staff-password', role: 'purchaser', name: 'Sam' })).id;
});
afterAll(async () => handle?.drop());
beforeEach(async () => {
  const [row] = await handle.db.select({ version: users.sessionVersion }).from(users).where(eq(users.id, userId));
  session.current = { user: { id: userId, sessionVersion: row!.version } };
});

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
}

describe('getCurrentUser / requireUser / requirePermission', () => {
  it('returns the user as the database has it now, not as the token remembers it', async () => {
    expect(await getCurrentUser()).toEqual({ id: userId, email: 'staff@example.com', role: 'purchaser', name: 'Sam' });
    expect(await requirePermission('orders:purchase')).toMatchObject({ id: userId });
    expect(await code(requirePermission('orders:refund'))).toBe('forbidden');

    await handle.db.update(users).set({ role: 'finance' }).where(eq(users.id, userId));
    expect(await requirePermission('orders:refund')).toMatchObject({ role: 'finance' });
    expect(await code(requirePermission('orders:purchase'))).toBe('forbidden');
  });

  it('treats a disabled or deleted account, and no session, as signed out', async () => {
    await handle.db.update(users).set({ isDisabled: 1 }).where(eq(users.id, userId));
    expect(await getCurrentUser()).toBeNull();
    expect(await code(requireUser())).toBe('unauthorized');
    await handle.db.update(users).set({ isDisabled: 0 }).where(eq(users.id, userId));
    expect(await requireUser()).toMatchObject({ id: userId });

    session.current = { user: { id: 999_999 } };
    expect(await getCurrentUser()).toBeNull();
    session.current = null;
    expect(await code(requirePermission('orders:read'))).toBe('unauthorized');
  });
});

describe('session version', () => {
  it('refuses a session issued before "sign out everywhere" and accepts one issued after', async () => {
    const before = session.current;
    expect(await getCurrentUser()).toMatchObject({ id: userId });
    await endAllSessions(handle.db, userId);
    // The same JWT claims, read again on the next request.
    session.current = before;
    expect(await getCurrentUser()).toBeNull();
    expect(await code(requirePermission('orders:read'))).toBe('unauthorized');
    const [row] = await handle.db.select({ version: users.sessionVersion }).from(users).where(eq(users.id, userId));
    session.current = { user: { id: userId, sessionVersion: row!.version } };
    expect(await requireUser()).toMatchObject({ id: userId });
  });

  it('reads a token without a version as version 0', async () => {
    session.current = { user: { id: userId } };
    expect(await getCurrentUser()).toBeNull();
    const other = (await createUser(handle.db, { email: 'fresh@example.com', password: 'fresh-password', role: 'customer' })).id;
    session.current = { user: { id: other } };
    expect(await getCurrentUser()).toMatchObject({ id: other });
  });
});
