import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { boundaries } from './scripts/eslint/boundaries.mjs';

const config = [
  ...nextVitals,
  ...nextTs,
  ...boundaries,
  { ignores: ['.next*/**', 'node_modules/**', 'var/**', 'db/migrations/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
];
export default config;
