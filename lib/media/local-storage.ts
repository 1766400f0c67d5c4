import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { derivativeSizes, type DerivativeSize, type Derivatives } from './derive';

const keyPattern = /^[0-9a-f]{32}$/;

/** Local-disk media store: `<dir>/<first two hex>/<key>-<size>.webp`. */
export function createLocalStorage(dir: string) {
  const root = path.resolve(dir);
  const fileFor = (key: string, size: DerivativeSize) => path.join(root, key.slice(0, 2), `${key}-${size}.webp`);

  return {
    fileFor,
    async save(d: Derivatives): Promise<void> {
      await mkdir(path.join(root, d.key.slice(0, 2)), { recursive: true });
      for (const size of derivativeSizes) {
        const target = fileFor(d.key, size);
        // Write then rename: a reader never sees half a file.
        const tmp = `${target}.${process.pid}.tmp`;
        await writeFile(tmp, d.files[size]);
        await rename(tmp, target);
      }
    },
    async read(key: string, size: DerivativeSize): Promise<Buffer | null> {
      if (!keyPattern.test(key)) return null;
      try {
        return await readFile(fileFor(key, size));
      } catch {
        return null;
      }
    },
  };
}

export function parseMediaPath(segments: string[]): { key: string; size: DerivativeSize } | null {
  if (segments.length !== 2) return null;
  const [dir, file] = segments as [string, string];
  const m = /^([0-9a-f]{32})-(200|800)\.webp$/.exec(file);
  if (!m || m[1]!.slice(0, 2) !== dir) return null;
  return { key: m[1]!, size: Number(m[2]) as DerivativeSize };
}
