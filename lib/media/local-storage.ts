import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { derivativeSizes, type DerivativeSize } from './derive';
import { mediaKeyPattern, type MediaStorage } from './storage';

/** Local-disk media store: `<dir>/<first two hex>/<key>-<size>.webp`. */
export function createLocalStorage(dir: string): MediaStorage & { fileFor(key: string, size: DerivativeSize): string } {
  const root = path.resolve(dir);
  const fileFor = (key: string, size: DerivativeSize) => path.join(root, key.slice(0, 2), `${key}-${size}.webp`);

  return {
    fileFor,
    async save(d) {
      await mkdir(path.join(root, d.key.slice(0, 2)), { recursive: true });
      for (const size of derivativeSizes) {
        const target = fileFor(d.key, size);
        // Content-addressed: a file that exists already holds these bytes.
        if (await exists(target)) continue;
        // Write then rename: a reader never sees half a file. The random suffix keeps two saves of
        // the same picture (two URLs, one image) from sharing a temp file.
        const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
        await writeFile(tmp, d.files[size]);
        await rename(tmp, target);
      }
    },
    async read(key, size) {
      if (!mediaKeyPattern.test(key)) return null;
      try {
        return await readFile(fileFor(key, size));
      } catch {
        return null;
      }
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}

export function parseMediaPath(segments: string[]): { key: string; size: DerivativeSize } | null {
  if (segments.length !== 2) return null;
  const [dir, file] = segments as [string, string];
  const m = /^([0-9a-f]{32})-(200|800)\.webp$/.exec(file);
  if (!m || m[1]!.slice(0, 2) !== dir) return null;
  return { key: m[1]!, size: Number(m[2]) as DerivativeSize };
}
