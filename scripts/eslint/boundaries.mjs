// Ferry's import boundaries, as ESLint config (docs/architecture.md, "Boundaries"):
//   db/ < lib/ < components/ < app/, sandboxes/ beside them all; the demo catalog feeds only the demo;
//   lib/ files that touch the database, Redis or the environment are server-only.
// Module cycles inside lib/ are checked by scripts/check-module-cycles.ts (also part of `npm run lint`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverOnlyRule } from './server-only-rule.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const layerZones = [
  {
    target: './lib',
    from: ['./app', './components'],
    message: 'lib/ stands below routes and components: move what both need into lib/.',
  },
  {
    target: './db',
    from: ['./lib', './app', './components', './cli', './sandboxes', './scripts'],
    message: 'db/ (schema, client, migrator) stands below lib/: pass what it needs in, or move the job up into lib/.',
  },
  {
    target: './components',
    from: './app/**',
    except: ['**/app/**/actions.ts'],
    message: "components/ stand below app/: from a route they may import only its server actions ('use server' actions.ts).",
  },
  {
    target: './sandboxes',
    from: './lib',
    except: ['./catalog/demo', './suppliers/alibaba-1688/sign.ts', './tracking/sign.ts'],
    message: "A sandbox plays the vendor: from lib/ it may use only the demo catalog and the vendor's published protocol helpers (1688 and 17TRACK signing).",
  },
  {
    target: './sandboxes',
    from: ['./app', './components', './db', './cli'],
    message: "A sandbox plays the vendor and never reaches into Ferry's application.",
  },
];

const demoZone = {
  target: './lib',
  from: './lib/catalog/demo',
  message: 'The demo catalog feeds the demo only (lib/demo/seed.ts, the 1688 sandbox, tests): production code takes its data from the database or its own tables.',
};

const sourceFiles = ['**/*.{ts,tsx,mts,mjs,js}'];
const libProductionFiles = ['lib/**/*.{ts,tsx}'];
const libNonProduction = ['**/*.test.ts', '**/*.test.tsx', 'lib/**/testing/**', 'lib/catalog/demo/**', 'lib/demo/**'];

export const boundaries = [
  {
    files: sourceFiles,
    rules: { 'import/no-restricted-paths': ['error', { basePath: root, zones: layerZones }] },
  },
  {
    // Later entries replace a rule's options for the files they match: this one repeats the layers.
    files: libProductionFiles,
    ignores: libNonProduction,
    rules: { 'import/no-restricted-paths': ['error', { basePath: root, zones: [...layerZones, demoZone] }] },
  },
  {
    files: libProductionFiles,
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'lib/**/testing/**'],
    plugins: { ferry: { rules: { 'server-only': serverOnlyRule } } },
    rules: { 'ferry/server-only': 'error' },
  },
];
