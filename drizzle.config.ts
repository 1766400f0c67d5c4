import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` is used; migrations are applied by db/migrate.ts (see CONVENTIONS).
export default defineConfig({
  dialect: 'mysql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ferry' },
});
