import { randomBytes } from 'node:crypto';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { dropDatabase, migrateDatabase } from '@/db/migrate';

/** A throwaway, fully migrated database on the local server for one test file. */
export async function createTestDatabase(prefix = 'ferry_test'): Promise<{ url: string; db: Database; drop(): Promise<void> }> {
  const base = new URL(process.env.TEST_DATABASE_SERVER ?? 'mysql://root@127.0.0.1:3306/');
  base.pathname = `/${prefix}_${randomBytes(4).toString('hex')}`;
  const url = base.toString();
  await migrateDatabase(url);
  return {
    url,
    db: databaseFor(url),
    async drop() {
      await closeDatabases();
      await dropDatabase(url);
    },
  };
}
