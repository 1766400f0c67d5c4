import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { ImageFetchError } from './fetch-errors';

export const derivativeSizes = [200, 800] as const;
export type DerivativeSize = (typeof derivativeSizes)[number];

/**
 * Decoded size limit. A few-KB PNG can declare 30,000 × 30,000 pixels and need gigabytes once
 * decoded; marketplace photos are at most a few thousand pixels a side (40 MP ≈ 7300 × 5500).
 */
export const MAX_INPUT_PIXELS = 40_000_000;

export type Derivatives = { key: string; width: number; height: number; files: Record<DerivativeSize, Buffer> };

/**
 * WebP derivatives of an original: 200 px squares for lists (cover crop, so grids line up) and an
 * 800 px detail image that keeps the original's aspect ratio. The key is the original's content hash,
 * so a picture shared by many products is stored once.
 */
export async function deriveImages(original: Buffer): Promise<Derivatives> {
  const key = contentKey(original);
  // The header alone says how large the decoded image would be; limitInputPixels is the backstop.
  const { width = 0, height = 0 } = await sharp(original).metadata();
  if (width * height > MAX_INPUT_PIXELS) {
    throw new ImageFetchError('too_large', `too large: ${width} × ${height} pixels, over the ${MAX_INPUT_PIXELS / 1_000_000} MP limit`, false);
  }
  const image = sharp(original, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS });
  const [list, detail] = await Promise.all([
    image.clone().resize(200, 200, { fit: 'cover' }).webp({ quality: 72, effort: 4 }).toBuffer(),
    image.clone().resize(800, 800, { fit: 'inside', withoutEnlargement: false }).webp({ quality: 78, effort: 4 }).toBuffer({ resolveWithObject: true }),
  ]);
  return { key, width: detail.info.width, height: detail.info.height, files: { 200: list, 800: detail.data } };
}

function contentKey(original: Buffer): string {
  return createHash('sha256').update(original).digest('hex').slice(0, 32);
}
