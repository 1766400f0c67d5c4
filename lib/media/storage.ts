import type { DerivativeSize, Derivatives } from './derive';

/**
 * Where derivatives live. Keys are content hashes, so a save of a key that exists is harmless and
 * objects never change: any store may be cached forever in front of it.
 */
export type MediaStorage = {
  save(d: Derivatives): Promise<void>;
  /** The derivative's bytes, or null when it is not stored. */
  read(key: string, size: DerivativeSize): Promise<Buffer | null>;
  /** A public URL when the store serves browsers itself (S3 with `S3_PUBLIC_URL`); else the /media route serves it. */
  url?(key: string, size: DerivativeSize): string;
};

export const mediaKeyPattern = /^[0-9a-f]{32}$/;

/** `<first two hex>/<key>-<size>.webp`: the layout on disk, in buckets and under /media. */
export function derivativePath(key: string, size: DerivativeSize): string {
  return `${key.slice(0, 2)}/${key}-${size}.webp`;
}
