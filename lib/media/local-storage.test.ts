import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Derivatives } from './derive';
import { createLocalStorage, parseMediaPath } from './local-storage';

const key = 'ab'.repeat(16);
const derivatives = (fill: number): Derivatives => ({ key, width: 800, height: 600, files: { 200: Buffer.alloc(10, fill), 800: Buffer.alloc(20, fill) } });

describe('createLocalStorage', () => {
  it('stores both sizes under the key and survives two saves of the same picture at once', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-local-media-'));
    const storage = createLocalStorage(dir);
    await Promise.all([storage.save(derivatives(1)), storage.save(derivatives(1))]);
    expect((await storage.read(key, 200))?.length).toBe(10);
    expect((await storage.read(key, 800))?.length).toBe(20);
    expect((await readdir(path.join(dir, 'ab'))).sort()).toEqual([`${key}-200.webp`, `${key}-800.webp`]);
  });

  it('reads nothing for unknown or malformed keys', async () => {
    const storage = createLocalStorage(await mkdtemp(path.join(os.tmpdir(), 'ferry-local-media-')));
    expect(await storage.read('cd'.repeat(16), 200)).toBeNull();
    expect(await storage.read('../../etc/passwd', 200)).toBeNull();
  });
});

describe('parseMediaPath', () => {
  it('accepts only <xx>/<key>-<200|800>.webp with a matching folder', () => {
    expect(parseMediaPath(['ab', `${key}-800.webp`])).toEqual({ key, size: 800 });
    expect(parseMediaPath(['cd', `${key}-800.webp`])).toBeNull();
    expect(parseMediaPath(['ab', `${key}-400.webp`])).toBeNull();
    expect(parseMediaPath([`${key}-200.webp`])).toBeNull();
  });
});
