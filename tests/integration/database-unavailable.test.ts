import { sql } from 'drizzle-orm';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor } from '@/db/client';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { errorJson } from '@/lib/errors/http';

// Which real MariaDB errors mean "the database is away" (503, retry) and which are bugs (500).
const url = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ferry_test';

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
