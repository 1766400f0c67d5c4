import { sql } from 'drizzle-orm';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor } from '@/db/client';
import { claimIdempotencyKey, releaseIdempotencyKey } from '@/lib/api/idempotency';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { errorJson } from '@/lib/errors/http';
import { startDbProxy } from '../support/db-proxy';
import { createTestDatabase } from '../support/test-database';

// Which real MariaDB errors mean "the database is away" (503, retry) and which are bugs (500).
// Statements that touch no data, on the local server's read-only schema.
const server = new URL(process.env.TEST_DATABASE_SERVER ?? 'mysql://root@127.0.0.1:3306/');
server.pathname = '/information_schema';
const url = server.toString();

afterAll(async () => closeDatabases());

const failure = (work: Promise<unknown>) => work.then(() => new Error('unexpectedly succeeded'), (e: unknown) => e);

describe('isDatabaseUnavailable', () => {
  it('does not take a wrong statement for an outage', async () => {
    const error = await failure(databaseFor(url).execute(sql`selec 1`));
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(errorJson(error, { where: '[test]' }).status).toBe(500);
  });

  it('recognises a connection the server killed in the middle of a statement', async () => {
    const victim = await mysql.createConnection(url);
    const admin = await mysql.createConnection(url);
    try {
      const running = failure(victim.query('select sleep(5)'));
      await new Promise((r) => setTimeout(r, 200));
      await admin.query(`kill connection ${victim.threadId}`);
      const error = await running;
      expect(isDatabaseUnavailable(error)).toBe(true);
      const res = errorJson(error, { where: '[test]' });
      expect([res.status, res.headers.get('Retry-After')]).toEqual([503, '5']);
    } finally {
      victim.destroy();
      await admin.end();
    }
  });

  it('recognises a database nobody answers for, through Drizzle and the pool', async () => {
    const error = await failure(databaseFor('mysql://root@127.0.0.1:9/ferry_nowhere').execute(sql`select 1`));
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(errorJson(error, { where: '[test]' }).status).toBe(503);
  });
});

describe('an Idempotency-Key after a 503', () => {
  it('is freed once the database answers again, so the partner retrying it is not told "in progress"', async () => {
    const database = await createTestDatabase('ferry_test_unavailable');
    const proxy = await startDbProxy(database.url);
    try {
      const viaProxy = databaseFor(proxy.url);
      const claim1 = await claimIdempotencyKey(viaProxy, 'pk_test', 'order-1', 'hash-1');
      expect(claim1).toMatchObject({ kind: 'claimed' });
      proxy.down();
      // The request failed because the database went away; its release meets the outage too.
      await expect(releaseIdempotencyKey(viaProxy, 'pk_test', 'order-1', (claim1 as { claimedAt: Date }).claimedAt)).resolves.toBeUndefined();
      await expect(claimIdempotencyKey(database.db, 'pk_test', 'order-1', 'hash-1')).rejects.toMatchObject({ code: 'idempotency_in_progress' });
      proxy.up();
      let claim: unknown = null;
      for (let i = 0; i < 40 && claim === null; i++) {
        await new Promise((r) => setTimeout(r, 100));
        claim = await claimIdempotencyKey(database.db, 'pk_test', 'order-1', 'hash-1').catch(() => null);
      }
      expect(claim).toMatchObject({ kind: 'claimed' });
    } finally {
      await proxy.close();
      await database.drop();
    }
  });

  it('is freed when the claim itself committed but its answer was lost with the connection', async () => {
    const database = await createTestDatabase('ferry_test_unavailable_claim');
    const proxy = await startDbProxy(database.url);
    try {
      const viaProxy = databaseFor(proxy.url);
      proxy.swallowNext(/^insert into `api_idempotency`/i);
      const lost = await failure(claimIdempotencyKey(viaProxy, 'pk_test', 'order-2', 'hash-2'));
      expect([proxy.swallowed, isDatabaseUnavailable(lost)]).toEqual([1, true]);
      // The insert reached the server and committed; the request never learnt it claimed the key.
      // Its placeholder is released, so the partner's retry runs instead of waiting it out.
      let claim: unknown = null;
      for (let i = 0; i < 40 && claim === null; i++) {
        await new Promise((r) => setTimeout(r, 100));
        claim = await claimIdempotencyKey(database.db, 'pk_test', 'order-2', 'hash-2').catch(() => null);
      }
      expect(claim).toMatchObject({ kind: 'claimed' });
    } finally {
      await proxy.close();
      await database.drop();
    }
  });
});
