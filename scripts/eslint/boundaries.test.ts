import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The repository's own eslint.config.mjs, run through ESLint's Node API on code that is not on disk:
// each boundary must fail a forbidden import and let the allowed one through.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function problems(filePath: string, code: string, ruleId: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === ruleId && m.severity === 2).map((m) => m.message);
}

const paths = (file: string, code: string) => problems(file, code, 'import/no-restricted-paths');
const serverOnly = (file: string, code: string) => problems(file, code, 'ferry/server-only');

describe('import boundaries (eslint.config.mjs)', { timeout: 60_000 }, () => {
  it('lib/ imports neither app/ nor components/', async () => {
    expect(await paths('lib/seo/example.ts', "import type { Crumb } from '@/components/shop/breadcrumbs';\nexport type C = Crumb;\n")).toHaveLength(1);
    expect(await paths('lib/admin/example.ts', "import { transitionOrderAction } from '@/app/[locale]/admin/orders/actions';\nexport const a = transitionOrderAction;\n")).toHaveLength(1);
    expect(await paths('lib/seo/example.ts', "import type { Crumb } from '@/lib/seo/crumb';\nexport type C = Crumb;\n")).toEqual([]);
  });

  it('db/ imports nothing from lib/', async () => {
    expect(await paths('db/example.ts', "import { uncounted } from '@/lib/jobs/background';\nexport const u = uncounted;\n")).toHaveLength(1);
    expect(await paths('db/example.ts', "import type { Executor } from '../lib/db/executor';\nexport type E = Executor;\n")).toHaveLength(1);
    expect(await paths('db/example.ts', "import { countQuery } from './query-stats';\nimport * as schema from './schema';\nexport const s = [schema, countQuery];\n")).toEqual([]);
  });

  it("lib/ files that touch the database, Redis or the environment import 'server-only'", async () => {
    const query = "import { eq } from 'drizzle-orm';\nexport const by = eq;\n";
    expect(await serverOnly('lib/orders/example.ts', query)).toHaveLength(1);
    expect(await serverOnly('lib/orders/example.ts', "import { getRedis } from '@/lib/redis';\nexport const r = getRedis;\n")).toHaveLength(1);
    expect(await serverOnly('lib/orders/example.ts', 'export const url = process.env.DATABASE_URL;\n')).toHaveLength(1);
    expect(await serverOnly('lib/orders/example.ts', `import 'server-only';\n${query}`)).toEqual([]);
    expect(await serverOnly('lib/orders/example.ts', "import type { Database } from '@/db/client';\nexport type D = Database;\n")).toEqual([]);
    expect(await serverOnly('lib/orders/example.test.ts', query)).toEqual([]);
  });

  it('sandboxes import only the demo catalog and the published protocol helpers from lib/', async () => {
    const file = 'sandboxes/alibaba-1688/example.ts';
    expect(await paths(file, "import { getEnv } from '../../lib/env';\nexport const e = getEnv;\n")).toHaveLength(1);
    expect(await paths(file, "import { reshapeProduct } from '../../lib/suppliers/alibaba-1688/reshape-product';\nexport const r = reshapeProduct;\n")).toHaveLength(1);
    expect(await paths(file, "import { databaseFor } from '../../db/client';\nexport const d = databaseFor;\n")).toHaveLength(1);
    const allowed = "import { generateOffer } from '../../lib/catalog/demo';\nimport { demoOfferId } from '../../lib/catalog/demo/ids';\nimport { signPush } from '../../lib/suppliers/alibaba-1688/sign';\nexport const a = [generateOffer, demoOfferId, signPush];\n";
    expect(await paths(file, allowed)).toEqual([]);
    const tracking = 'sandboxes/tracking-17track/example.ts';
    expect(await paths(tracking, "import { signTrackingWebhook } from '../../lib/tracking/sign';\nexport const s = signTrackingWebhook;\n")).toEqual([]);
    expect(await paths(tracking, "import { reshapeTracking } from '../../lib/tracking/track-info';\nexport const r = reshapeTracking;\n")).toHaveLength(1);
  });

  it('production lib/ code does not read the demo catalog; the seed and tests may', async () => {
    const demo = "import { demoLeafCategories } from '@/lib/catalog/demo';\nexport const d = demoLeafCategories;\n";
    expect(await paths('lib/suppliers/alibaba-1688/example.ts', demo)).toHaveLength(1);
    expect(await paths('lib/demo/example.ts', demo)).toEqual([]);
    expect(await paths('lib/suppliers/alibaba-1688/example.test.ts', demo)).toEqual([]);
  });

  it('components import from app/ only its server actions', async () => {
    expect(await paths('components/shop/example.tsx', "import Page from '@/app/[locale]/(shop)/[currency]/page';\nexport const P = Page;\n")).toHaveLength(1);
    expect(await paths('components/admin/example.tsx', "import { setStockAction } from '@/app/[locale]/admin/stock/actions';\nexport const s = setStockAction;\n")).toEqual([]);
  });
});
