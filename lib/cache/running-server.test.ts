import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverOrigin } from './running-server';

let dir: string;
let file: string;
const env = { SITE_URL: 'http://localhost:3000', DATABASE_URL: 'mysql://root@127.0.0.1:3306/ferry' };
const record = (fields: Record<string, unknown>) => writeFile(file, JSON.stringify({ siteUrl: 'http://localhost:3456', database: 'ferry', pid: process.pid, ...fields }));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-running-server-'));
  file = path.join(dir, 'server.json');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('serverOrigin', () => {
  it('follows SITE_URL or PORT when the user gave either, whatever a running demo recorded', async () => {
    await record({});
    expect(serverOrigin({ env: { ...env, SITE_URL: 'http://localhost:3210' }, source: { PORT: '3210' }, file })).toBe('http://localhost:3210');
    expect(serverOrigin({ env: { ...env, SITE_URL: 'https://shop.example.com' }, source: { SITE_URL: 'https://shop.example.com' }, file })).toBe('https://shop.example.com');
  });

  it('finds the demo running on another port when neither is given', async () => {
    await record({});
    expect(serverOrigin({ env, source: {}, file })).toBe('http://localhost:3456');
  });

  it('ignores a record of a stopped demo, of another database, or one it cannot read', async () => {
    const exited = spawnSync(process.execPath, ['-e', '']).pid!;
    await record({ pid: exited });
    expect(serverOrigin({ env, source: {}, file })).toBe('http://localhost:3000');
    await record({ database: 'ferry_other' });
    expect(serverOrigin({ env, source: {}, file })).toBe('http://localhost:3000');
    await writeFile(file, '{"siteUrl":');
    expect(serverOrigin({ env, source: {}, file })).toBe('http://localhost:3000');
    expect(serverOrigin({ env, source: {}, file: path.join(dir, 'missing.json') })).toBe('http://localhost:3000');
  });
});
