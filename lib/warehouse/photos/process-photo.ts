import sharp, { type Metadata } from 'sharp';
import { AppError } from '@/lib/errors';
import { MAX_INPUT_PIXELS } from '@/lib/media/derive';

/** Largest photo file accepted: a phone's full-resolution JPEG is 3–8 MB. */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

/** What a phone or a camera folder gives; HEIC needs a codec sharp's prebuilt binary does not carry, so it is refused with a clear message. */
const acceptedFormats = new Map<string, 'jpeg' | 'png' | 'webp'>([
  ['jpeg', 'jpeg'],
  ['png', 'png'],
  ['webp', 'webp'],
]);

export type PhotoRefusal = 'empty' | 'too_large' | 'not_image' | 'heic' | 'too_many_pixels' | 'damaged';

function refused(reason: PhotoRefusal, message: string): AppError {
  return new AppError('validation_failed', message, { reason });
}

export type ProcessedPhoto = {
  width: number;
  height: number;
  /** Full size, upright, every metadata block (EXIF with its GPS position, XMP, IPTC) removed; ICC kept so colours stay true. */
  original: { bytes: Buffer; format: 'jpeg' | 'png' | 'webp' };
  /** WebP, fitted inside 1600 and 400 px squares. */
  large: Buffer;
  small: Buffer;
};

/**
 * A QC photo as the warehouse keeps it. The camera's orientation is applied to the pixels before
 * the metadata goes, so a phone photo taken sideways is stored upright. Anything that is not a
 * JPEG, PNG or WebP image — a PDF, a renamed text file, a truncated upload — is refused with
 * `validation_failed` and a `reason` screens can name in the staff member's language, before
 * anything is stored.
 */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  if (input.length === 0) throw refused('empty', 'The file is empty');
  if (input.length > MAX_PHOTO_BYTES) throw refused('too_large', `The file is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
  let meta: Metadata;
  try {
    meta = await sharp(input).metadata();
  } catch {
    throw refused('not_image', 'The file is not an image');
  }
  if (meta.format === 'heif') throw refused('heic', 'HEIC photos are not supported: set the camera to "Most compatible" (JPEG) or export as JPEG');
  const format = meta.format ? acceptedFormats.get(meta.format) : undefined;
  if (!format) throw refused('not_image', `Not a JPEG, PNG or WebP image (${meta.format ?? 'unknown format'})`);
  const { width = 0, height = 0 } = meta;
  if (width * height > MAX_INPUT_PIXELS) throw refused('too_many_pixels', `The image is too large: ${width} × ${height} pixels`);

  try {
    const upright = sharp(input, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS }).rotate().keepIccProfile();
    const encoded = format === 'jpeg' ? upright.clone().jpeg({ quality: 92 }) : format === 'png' ? upright.clone().png() : upright.clone().webp({ quality: 92 });
    const [original, large, small] = await Promise.all([
      encoded.toBuffer({ resolveWithObject: true }),
      upright.clone().resize(1600, 1600, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer(),
      upright.clone().resize(400, 400, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 72 }).toBuffer(),
    ]);
    return { width: original.info.width, height: original.info.height, original: { bytes: original.data, format }, large, small };
  } catch {
    throw refused('damaged', 'The image could not be read (damaged or cut short)');
  }
}
