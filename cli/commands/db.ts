import { databaseFor } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemo } from '@/lib/demo/seed';
import { getEnv } from '@/lib/env';
import { getTranslationProvider } from '@/lib/i18n/translate';
import { usage } from '../errors';
import type { Command } from './index';

export const dbMigrate: Command = {
  name: 'db migrate',
  description: 'Create the database if missing and apply every migration',
  async run() {
    const url = getEnv().DATABASE_URL;
    await migrateDatabase(url);
    return { ok: true, database: new URL(url).pathname.slice(1) };
  },
};

export const dbSeed: Command = {
  name: 'db seed',
  description: 'Load categories, exchange rates and the demo catalog (skipped when already loaded unless --force); --products 0 loads no products (the catalog then comes from `catalog sync`)',
  options: { products: { type: 'string' }, force: { type: 'boolean' }, seed: { type: 'string' } },
  async run(values) {
    const count = values.products === undefined ? 1000 : Number(values.products);
    if (!Number.isInteger(count) || count < 0 || count > 200_000) usage('--products must be a whole number from 0 to 200000');
    const env = getEnv();
    return seedDemo(databaseFor(env.DATABASE_URL), {
      count,
      force: values.force === true,
      seed: typeof values.seed === 'string' ? values.seed : undefined,
      mediaDir: env.MEDIA_DIR,
      translator: getTranslationProvider(env),
      log: (line) => process.stderr.write(`${line}\n`),
    });
  },
};
