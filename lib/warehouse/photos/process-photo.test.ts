import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processPhoto } from './process-photo';

/** A 60×40 JPEG with EXIF: a GPS position, a camera make, and orientation 6 (taken sideways). */
async function phoneJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 60, height: 40, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: 'FerryPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 32/1 0/1' } })
    .toBuffer();
}

describe('processing a QC photo', () => {
  it('stores it upright with every metadata block removed, in WebP sizes beside the original', async () => {
    const input = await phoneJpeg();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const photo = await processPhoto(input);
    // Orientation 6 is a quarter turn: the stored pixels are 40 wide, 60 high.
    expect([photo.width, photo.height]).toEqual([40, 60]);
    const original = await sharp(photo.original.bytes).metadata();
    expect(photo.original.format).toBe('jpeg');
    expect(original.exif).toBeUndefined();
    expect(original.orientation).toBeUndefined();
    expect(photo.original.bytes.includes(Buffer.from('FerryPhone'))).toBe(false);
    for (const derived of [photo.large, photo.small]) {
      const meta = await sharp(derived).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
    }
  });

  it('fits the sizes inside 1600 and 400 pixels without enlarging small photos', async () => {
    const big = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#888' } }).png().toBuffer();
    const photo = await processPhoto(big);
    expect(await sharp(photo.large).metadata()).toMatchObject({ width: 1600, height: 1067 });
    expect(await sharp(photo.small).metadata()).toMatchObject({ width: 400, height: 267 });
    expect(photo.original.format).toBe('png');
    const tiny = await processPhoto(await phoneJpeg());
    expect((await sharp(tiny.large).metadata()).width).toBe(40);
  });

  it('refuses what is not a photo, naming why', async () => {
    const reasons = async (input: Buffer) => processPhoto(input).then(() => 'accepted', (e: { code: string; details?: { reason: string } }) => `${e.code}:${e.details?.reason}`);
    expect(await reasons(Buffer.alloc(0))).toBe('validation_failed:empty');
    expect(await reasons(Buffer.from('%PDF-1.7 not a photo'))).toBe('validation_failed:not_image');
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).gif().toBuffer();
    expect(await reasons(gif)).toBe('validation_failed:not_image');
    const noisy = await sharp(Buffer.from(Array.from({ length: 300 * 200 * 3 }, (_, i) => (i * 7919) % 251)), { raw: { width: 300, height: 200, channels: 3 } }).jpeg().toBuffer();
    expect(await reasons(noisy.subarray(0, Math.floor(noisy.length / 2)))).toBe('validation_failed:damaged');
    expect(await reasons(Buffer.alloc(16 * 1024 * 1024, 1))).toBe('validation_failed:too_large');
  });
});
