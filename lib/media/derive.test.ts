import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { deriveImages, MAX_INPUT_PIXELS } from './derive';
import { pixelBombPng } from './testing/pixel-bomb';

describe('deriveImages', () => {
  it('makes the 200 px list square and the 800 px detail image', async () => {
    const original = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 200, g: 40, b: 40 } } }).jpeg().toBuffer();
    const derived = await deriveImages(original);
    expect([derived.width, derived.height]).toEqual([800, 600]);
    expect(await sharp(derived.files[200]).metadata()).toMatchObject({ format: 'webp', width: 200, height: 200 });
  });

  it('refuses an image over the pixel limit before decoding it (a small file that would need gigabytes)', async () => {
    const bomb = pixelBombPng(8000, 6000);
    expect(bomb.length).toBeLessThan(200_000);
    expect(8000 * 6000).toBeGreaterThan(MAX_INPUT_PIXELS);
    const started = performance.now();
    await expect(deriveImages(bomb)).rejects.toMatchObject({ kind: 'too_large', message: 'too large: 8000 × 6000 pixels, over the 40 MP limit' });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
