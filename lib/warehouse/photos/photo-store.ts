import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { photoKeyPattern, type PhotoSize } from './photo-urls';
import { processPhoto } from './process-photo';

/**
 * Where QC photos live: a private folder (PRIVATE_MEDIA_DIR), apart from the public product-image
 * store, so no public route can ever name one. `<dir>/qc/<first two hex>/<key>-<size>`; the
 * original keeps its own format (JPEG, PNG or WebP, told by its first bytes when served).
 */
export type PhotoStore = {
  save(key: string, files: Record<PhotoSize, Buffer>): Promise<void>;
  read(key: string, size: PhotoSize): Promise<Buffer | null>;
};

export function createLocalPhotoStore(dir: string): PhotoStore {
  const root = path.resolve(dir, 'qc');
  const fileFor = (key: string, size: PhotoSize) => path.join(root, key.slice(0, 2), `${key}-${size}`);
  return {
    async save(key, files) {
      if (!photoKeyPattern.test(key)) throw new Error('Invalid photo key');
      await mkdir(path.join(root, key.slice(0, 2)), { recursive: true });
      for (const [size, bytes] of Object.entries(files) as [PhotoSize, Buffer][]) {
        // Write then rename: a reader never sees half a file.
        const target = fileFor(key, size);
        const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
        await writeFile(tmp, bytes, { mode: 0o600 });
        await rename(tmp, target);
      }
    },
    async read(key, size) {
      if (!photoKeyPattern.test(key)) return null;
      try {
        return await readFile(fileFor(key, size));
      } catch {
        return null;
      }
    },
  };
}

/** The image type of stored bytes, from their signature (the derived sizes are always WebP). */
export function photoContentType(bytes: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | 'application/octet-stream' {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return 'application/octet-stream';
}

export function newPhotoKey(): string {
  return randomBytes(16).toString('hex');
}

let cached: { dir: string; store: PhotoStore } | undefined;

/** The deployment's photo store (PRIVATE_MEDIA_DIR, default var/private-media). */
export function photoStoreFromEnv(): PhotoStore {
  const dir = process.env.PRIVATE_MEDIA_DIR || 'var/private-media';
  if (cached?.dir !== dir) cached = { dir, store: createLocalPhotoStore(dir) };
  return cached.store;
}

export async function photoStoreWritable(dir: string): Promise<boolean> {
  try {
    await mkdir(dir, { recursive: true });
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

export type StoredPhoto = { key: string; width: number; height: number; bytes: number };

/**
 * Checks and processes every file first (one bad file refuses them all, before anything is kept),
 * then saves each (original without EXIF, and its WebP sizes) under a new key. One at a time: a phone
 * photo decodes to tens of megabytes. The caller writes the rows.
 */
export async function storePhotos(files: readonly Buffer[], store: PhotoStore): Promise<StoredPhoto[]> {
  const processed = [];
  for (const file of files) processed.push(await processPhoto(file));
  const stored: StoredPhoto[] = [];
  for (const photo of processed) {
    const key = newPhotoKey();
    await store.save(key, { original: photo.original.bytes, '1600': photo.large, '400': photo.small });
    stored.push({ key, width: photo.width, height: photo.height, bytes: photo.original.bytes.length });
  }
  return stored;
}
