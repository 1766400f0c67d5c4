import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph, describeCycles, findCycles, graphFromFiles, libTarget, moduleOf } from './check-module-cycles';

const file = (name: string, text: string) => ({ file: name, text });

describe('the lib/ module graph', () => {
  it('names a module by its directory under lib/, or by the file for one directly in lib/', () => {
    expect(moduleOf('orders/queries/find-order.ts')).toBe('orders');
    expect(moduleOf('env.ts')).toBe('env');
    expect(moduleOf('../db/client.ts')).toBeNull();
    expect(libTarget('orders/queries/find-order.ts', '../types')).toBe('orders/types');
    expect(libTarget('orders/x.ts', '@/lib/audit/actor')).toBe('audit/actor');
    expect(libTarget('orders/x.ts', '@/db/client')).toBeNull();
    expect(libTarget('orders/x.ts', 'drizzle-orm')).toBeNull();
  });

  it('finds a circle through different files of two modules, counting type imports and re-exports', () => {
    const graph = graphFromFiles([
      file('orders/transition.ts', "import { hold } from '@/lib/inventory/hold';"),
      file('inventory/expire.ts', "import type { Actor } from '../orders/actor';"),
      file('payments/pay.ts', "export { transition } from '@/lib/orders/transition';"),
      file('orders/refund.ts', "import { refund } from '@/lib/payments/gateway';"),
      file('money/index.ts', "import { z } from 'zod';"),
    ]);
    const cycles = findCycles(graph);
    expect(cycles).toEqual([['inventory', 'orders', 'payments']]);
    const report = describeCycles(graph, cycles).join('\n');
    expect(report).toContain('inventory → orders   (lib/inventory/expire.ts → ../orders/actor)');
    expect(report).toContain('payments → orders');
  });

  it('finds none when every import points one way', () => {
    const graph = graphFromFiles([
      file('checkout/place-order.ts', "import { x } from '@/lib/orders/types';\nimport { y } from '@/lib/inventory/hold';"),
      file('orders/transition.ts', "import { hold } from '@/lib/inventory/hold';\nimport { own } from './own';"),
      file('inventory/hold.ts', "import { getRedis } from '@/lib/redis';"),
    ]);
    expect(findCycles(graph)).toEqual([]);
  });

  it('reads a lib/ folder from disk and leaves test files out', () => {
    const lib = mkdtempSync(path.join(os.tmpdir(), 'ferry-cycles-'));
    mkdirSync(path.join(lib, 'a'));
    mkdirSync(path.join(lib, 'b'));
    writeFileSync(path.join(lib, 'a', 'one.ts'), "import { two } from '@/lib/b/two';\n");
    writeFileSync(path.join(lib, 'b', 'two.ts'), 'export const two = 2;\n');
    writeFileSync(path.join(lib, 'b', 'two.test.ts'), "import { one } from '@/lib/a/one';\n");
    expect(findCycles(buildGraph(lib))).toEqual([]);
    writeFileSync(path.join(lib, 'b', 'three.tsx'), "import { one } from '../a/one';\n");
    expect(findCycles(buildGraph(lib))).toEqual([['a', 'b']]);
  });
});
