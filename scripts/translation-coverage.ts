/**
 * Glossary coverage report for the offline zh→en translator.
 *
 *   npx tsx scripts/translation-coverage.ts titles.txt        (one title per line)
 *   some-export | npx tsx scripts/translation-coverage.ts --kind attribute --top 50
 *
 * Prints the jieba words that missed the glossary (translated by CC-CEDICT, by single characters,
 * or not at all), most frequent first, then the worst outputs — so the team knows which words to
 * add to lib/i18n/translate/offline/terms/. Imports the offline modules directly: they are pure
 * and need no server-only environment.
 */
import { readFileSync } from 'node:fs';
import { cedictStats } from '@/lib/i18n/translate/offline/cedict';
import { segmenterStats } from '@/lib/i18n/translate/offline/segmenter';
import { type TokenTrace, translateZhEnTraced } from '@/lib/i18n/translate/offline/translate-text';
import type { TextKind } from '@/lib/i18n/translate/types';

interface Options {
  file: string | null;
  kind: TextKind;
  top: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { file: null, kind: 'title', top: 40 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--kind') {
      const kind = argv[++i];
      if (kind !== 'title' && kind !== 'attribute' && kind !== 'text') throw new Error('--kind must be title, attribute or text');
      options.kind = kind;
    } else if (arg === '--top') {
      options.top = Number(argv[++i]);
      if (!Number.isInteger(options.top) || options.top < 1) throw new Error('--top must be a positive integer');
    } else if (arg && !arg.startsWith('--')) {
      options.file = arg;
    } else {
      throw new Error(`unknown argument ${arg}`);
    }
  }
  return options;
}

/** Weak tokens pull a title down: untranslated characters most, character-by-character guesses next. */
const PENALTY: Partial<Record<TokenTrace['source'], number>> = { untranslated: 3, chars: 2, cedict: 1 };

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const input = readFileSync(options.file ?? 0, 'utf8');
  const lines = input.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) throw new Error('no input lines (pass a file or pipe titles on stdin)');

  const misses = new Map<string, { count: number; en: string; source: string }>();
  const scored: { zh: string; en: string; penalty: number }[] = [];
  let tokens = 0;
  let glossaryHits = 0;
  const started = performance.now();
  for (const line of lines) {
    const { english, trace } = translateZhEnTraced(line, options.kind);
    let penalty = /[\u3400-\u9fff]/.test(english) ? 5 : 0;
    for (const t of trace) {
      if (t.source === 'latin' || t.source === 'filler') continue;
      tokens++;
      if (t.source === 'glossary' || t.source === 'glossary-parts' || t.source === 'unit') glossaryHits++;
      const p = PENALTY[t.source] ?? 0;
      if (p === 0) continue;
      penalty += p;
      const entry = misses.get(t.zh) ?? { count: 0, en: t.en, source: t.source };
      entry.count++;
      misses.set(t.zh, entry);
    }
    scored.push({ zh: line, en: english, penalty });
  }
  const elapsed = performance.now() - started;

  const pct = tokens ? ((100 * glossaryHits) / tokens).toFixed(1) : '0';
  console.log(`${lines.length} lines, ${tokens} Chinese tokens, ${pct}% from the glossary`);
  const cedict = cedictStats.entries ? `${cedictStats.loadMs} ms (${cedictStats.entries} words)` : 'not needed';
  console.log(`dictionaries: jieba ${segmenterStats.loadMs} ms, CC-CEDICT ${cedict}; total ${elapsed.toFixed(0)} ms\n`);
  console.log(`Words missing from the glossary (count, source, current output):`);
  const sorted = [...misses.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  for (const [zh, m] of sorted.slice(0, options.top)) console.log(`  ${String(m.count).padStart(4)}  ${m.source.padEnd(12)} ${zh} → ${m.en}`);
  console.log(`\nWorst outputs:`);
  const worst = scored.filter((s) => s.penalty > 0).sort((a, b) => b.penalty - a.penalty);
  for (const s of worst.slice(0, Math.min(options.top, 20))) console.log(`  [${s.penalty}] ${s.zh}\n      → ${s.en}`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
