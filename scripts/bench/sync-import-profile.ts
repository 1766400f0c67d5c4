/**
 * Import profile: `npx tsx --conditions=react-server scripts/bench/sync-import-profile.ts [--offers 2000] [--batch 250]`.
 *
 * Imports N demo offers into a fresh database (ferry_bench_sync_import) cold, then again unchanged,
 * and prints seconds, products/s and CPU seconds of this process for each pass as JSON: the before/after numbers of the import's
 * fast path and cold-path work are measured with this.
 */
import { parseArgs } from 'node:util';
import { closeDatabases, databaseFor } from '@/db/client';
import { dropDatabase, migrateDatabase } from '@/db/migrate';
import { seedCategories } from '@/lib/demo/seed';
import { generateOffers } from '@/lib/catalog/demo';
import { toSourceProduct } from '@/lib/catalog/demo/to-source-product';
import { importProducts } from '@/lib/catalog/import/import-products';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import { locales } from '@/lib/i18n/locales';
import { offlineProvider } from '@/lib/i18n/translate/offline';

const DB_URL = 'mysql://root@127.0.0.1:3306/ferry_bench_sync_import';

async function pass(db: ReturnType<typeof databaseFor>, offers: SourceProduct[], batchSize: number) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const options = { translator: offlineProvider, locales };
  for (let i = 0; i < offers.length; i += batchSize) await importProducts(db, offers.slice(i, i + batchSize), options);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  // CPU seconds of this process: steadier than wall time on a machine shared with other work.
  const cpuSeconds = (used.user + used.system) / 1e6;
  return { seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(offers.length / seconds), cpuSeconds: Math.round(cpuSeconds * 100) / 100 };
}

async function main() {
  const { values } = parseArgs({ options: { offers: { type: 'string', default: '2000' }, batch: { type: 'string', default: '250' } } });
  const count = Number(values.offers);
  const batchSize = Number(values.batch);
  await dropDatabase(DB_URL).catch(() => undefined);
  await migrateDatabase(DB_URL);
  const db = databaseFor(DB_URL);
  await seedCategories(db);
  const offers = [...generateOffers({ count })].map(toSourceProduct);
  const cold = await pass(db, offers, batchSize);
  const warm = await pass(db, offers, batchSize);
  process.stdout.write(`${JSON.stringify({ offers: count, batchSize, cold, unchanged: warm })}\n`);
  await closeDatabases();
  await dropDatabase(DB_URL);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
