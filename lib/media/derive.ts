import { createHash } from 'node:crypto';
import sharp from 'sharp';

export const derivativeSizes = [200, 800] as const;
export type DerivativeSize = (typeof derivativeSizes)[number];

export type Derivatives = { key: string; width: number; height: number; files: Record<DerivativeSize, Buffer> };

/**
 * WebP derivatives of an original: 200 px squares for lists (cover crop, so grids line up) and an
 * 800 px detail image that keeps the original's aspect ratio. The key is the original's content hash,
 * so a picture shared by many products is stored once.
 */
export async function deriveImages(original: Buffer): Promise<Derivatives> {
  const key = contentKey(original);
  const image = sharp(original, { failOn: 'error' });
  const [list, detail] = await Promise.all([
    image.clone().resize(200, 200, { fit: 'cover' }).webp({ quality: 72, effort: 4 }).toBuffer(),
    image.clone().resize(800, 800, { fit: 'inside', withoutEnlargement: false }).webp({ quality: 78, effort: 4 }).toBuffer({ resolveWithObject: true }),
  ]);
  return { key, width: detail.info.width, height: detail.info.height, files: { 200: list, 800: detail.data } };
}

function contentKey(original: Buffer): string {
  return createHash('sha256').update(original).digest('hex').slice(0, 32);
}
