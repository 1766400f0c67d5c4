// `npm run lint` (after ESLint): fails when lib/'s modules import each other in a circle.
// Run alone: `npx tsx scripts/check-module-cycles.ts`.
//
// A module is a directory directly under lib/ (lib/orders, lib/payments, …; a file directly under
// lib/ is a module of its own). Module A depends on module B when any file of A imports any file of
// B — `import type` and `export … from` included, because a type import still fixes which module
// stands above which. Test files are left out: a test may reach across modules to build its world.
// File-level cycle rules (import/no-cycle) miss a circle that runs through different files of the
// same two modules, which is exactly the kind that makes a module impossible to lift out.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const TEST = /\.test\.(ts|tsx)$/;

/** Every import specifier of one file: static, `export … from`, `import type`, dynamic `import()`. */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((entry) => entry.fileName);
}

/**
 * The module a path inside lib/ belongs to ('orders' for lib/orders/queries/x.ts, 'env' for
 * lib/env.ts), or null for a path outside lib/. `libPath` is relative to lib/, with `/` separators.
 */
export function moduleOf(libPath: string): string | null {
  if (libPath.startsWith('../') || libPath === '..' || path.posix.isAbsolute(libPath)) return null;
  const [first, ...rest] = libPath.split('/');
  if (!first) return null;
  return rest.length > 0 ? first : first.replace(/\.[^.]+$/, '').replace(/\.d$/, '');
}

/** The lib/-relative target of `specifier` imported from the lib/-relative file `from`, or null. */
export function libTarget(from: string, specifier: string): string | null {
  if (specifier.startsWith('@/lib/')) return specifier.slice('@/lib/'.length);
  if (specifier === '@/lib') return null;
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
    return joined.startsWith('../') ? null : joined;
  }
  return null;
}

function walk(dir: string, base = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, base, out);
    else if (SOURCE.test(name) && !TEST.test(name)) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/**
 * A Map from module to a Map from the modules it imports to one importing file and specifier
 * (evidence for the report).
 */
export type ModuleGraph = Map<string, Map<string, string>>;

/** The module graph of the lib/ directory at `libDir`. */
export function buildGraph(libDir: string): ModuleGraph {
  const files = walk(libDir).map((file) => ({ file, text: readFileSync(path.join(libDir, file), 'utf8') }));
  return graphFromFiles(files);
}

/** The module graph of `files` (`{ file, text }`, file relative to lib/). */
export function graphFromFiles(files: readonly { file: string; text: string }[]): ModuleGraph {
  const graph: ModuleGraph = new Map();
  for (const { file, text } of files) {
    const from = moduleOf(file);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    for (const specifier of importsOf(text)) {
      const target = libTarget(file, specifier);
      const to = target === null ? null : moduleOf(target);
      if (!to || to === from) continue;
      const edges = graph.get(from)!;
      if (!edges.has(to)) edges.set(to, `lib/${file} → ${specifier}`);
    }
  }
  return graph;
}

/** Strongly connected components with more than one module (Tarjan), each sorted by name. */
export function findCycles(graph: ModuleGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.sort((a, b) => a.join(',').localeCompare(b.join(',')));
}

/** Human-readable lines: each circle, then the imports inside it that close it. */
export function describeCycles(graph: ModuleGraph, components: readonly string[][]): string[] {
  const lines: string[] = [];
  for (const component of components) {
    const members = new Set(component);
    lines.push(`cycle between lib modules: ${component.join(', ')}`);
    for (const from of component) {
      for (const [to, evidence] of graph.get(from) ?? []) {
        if (members.has(to)) lines.push(`  ${from} → ${to}   (${evidence})`);
      }
    }
  }
  return lines;
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const graph = buildGraph(path.join(root, 'lib'));
  const cycles = findCycles(graph);
  if (cycles.length === 0) {
    console.log(`lib/: ${graph.size} modules, no import cycles between them`);
    return;
  }
  for (const line of describeCycles(graph, cycles)) console.error(line);
  console.error(`\n${cycles.length} import cycle(s) between lib/ modules; move the shared piece to the lower module or a leaf module.`);
  process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
