import type { TextKind } from '../types';
import { LATIN_WORDS, dropAdjacentDuplicates, sentenceCase, titleCase } from './english-case';
import { fillerWords, glossary } from './glossary';
import { labelToColon, splitPhrases, wholeValue } from './phrase-match';
import { cutWords, hasCjk, normalizeText } from './segmenter';
import { placePair, placeWords } from './terms/geography';
import { type WordSource, translateWord } from './translate-word';
import { chineseNumerals, formatQuantity } from './units';

export interface TokenTrace {
  zh: string;
  en: string;
  source: WordSource | 'latin' | 'unit' | 'filler';
}

const NUMBER = /^\d+(?:\.\d+)?(?:[-~/]\d+(?:\.\d+)?)?$/;
/** Letter sizes that take 码/号 like numbers do: "XL码" → "Size XL". */
const LETTER_SIZE = /^(?:\d?X{0,4}[SL]|M|F)$/i;
/** Chinese punctuation without an NFKC mapping, as it should read in English text. */
const CJK_PUNCT: Record<string, string> = {
  '。': '.', '、': ',', '「': '"', '」': '"', '『': '"', '』': '"', '《': '"', '》': '"', '【': '(', '】': ')', '～': '~', '…': '...',
};
/** Proper adjectives and brands that sentence case must not lower. */
const PROPER = new Set([
  'Korean', 'Korean-Style', 'Japanese', 'Japanese-Style', 'French-Style', 'Western-Style', 'Chinese-Style', 'Nordic',
  'Bluetooth', 'Apple', 'Huawei', 'Xiaomi', 'Samsung', 'Android', 'Amazon', 'Xinjiang', 'Hetian', 'Hong', 'Kong-Style',
  'American-Style', 'American', 'British', 'French', 'Chinese', 'Western', 'Oxford', 'Chelsea', 'Martin', 'Guochao',
  'Lightning', 'Type-C', 'INS', ...placeWords,
]);
/** Marks a Latin word the seller wrote with capitals (Pro, Max, Type-C): sentence case keeps it. */
const KEEP_CASE = '\u0003';
/** Marks a slash that joins its neighbours without spaces ("pink/black"). */
const SLASH = '\u0002';

/** Unit suffixes after a number, as English writes them ("15w" → "15W", "5mm" stays). */
const LATIN_UNITS: Record<string, string> = { w: 'W', v: 'V', a: 'A', g: 'G', t: 'T', k: 'K', mah: 'mAh', hz: 'Hz', gb: 'GB', tb: 'TB' };

/**
 * Latin runs pass through; only all-lowercase ones are touched, since a seller who wrote "iPhone15"
 * or "XL" chose that casing: known acronyms and models (ins → INS, 15promax → 15 Pro Max), units,
 * and short codes (a4, e27).
 */
function latinWord(word: string): string {
  if (/\d[*×]\d/.test(word)) return word.replace(/(?<=\d)[*×](?=\d)/g, 'x'); // 80*120cm → 80x120cm
  const lower = word.toLowerCase();
  const known = LATIN_WORDS[lower] ?? glossary.get(lower);
  if (known) return known;
  if (word !== lower) return word;
  const unit = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(lower);
  if (unit?.[1] && unit[2] && LATIN_UNITS[unit[2]]) return unit[1] + LATIN_UNITS[unit[2]];
  // Only a plain run of letters and digits ("15promax"); "40/41/42" keeps its separators.
  const runs = /^[a-z\d.]+$/.test(lower) ? (lower.match(/[a-z]+|\d+(?:\.\d+)?/g) ?? []) : [];
  if (runs.length > 1 && runs.every((r) => /\d/.test(r) || LATIN_WORDS[r])) return runs.map((r) => LATIN_WORDS[r] ?? r).join(' ');
  if (/^[a-z]{1,2}\d{1,3}$/.test(lower)) return lower.toUpperCase();
  return word;
}

/**
 * Tries "number + measure word" at `i` (1米 → 1m, 3-6岁 → 3-6 Years, 两件套 → 2-Piece Set), looking up
 * to three following words because jieba may cut the measure word (只|装) or glue the numeral (两只).
 */
function quantityAt(words: string[], i: number): { english: string; consumed: number } | null {
  const word = words[i] ?? '';
  const numeral = chineseNumerals[word.charAt(0)];
  const candidates: [string, string][] = [];
  if (NUMBER.test(word) || LETTER_SIZE.test(word)) candidates.push([word, '']);
  else if (numeral && word.length <= 3) candidates.push([numeral, word.slice(1)]);
  for (const [num, glued] of candidates) {
    // Longest measure word first: 10双装 is a 10-pair pack, not 10 pairs followed by "Pack".
    for (let k = 3; k >= 0; k--) {
      const unit = glued + words.slice(i + 1, i + 1 + k).join('');
      if (!unit || i + k >= words.length) continue;
      if (LETTER_SIZE.test(num) && unit !== '码' && unit !== '号') continue;
      const english = formatQuantity(num, unit);
      if (english) return { english, consumed: k };
    }
    // jieba glues the measure word to the next word when together they are a word: 1米线 is
    // 1|米线 ("rice noodles") but means a 1 m cable.
    const next = words[i + 1] ?? '';
    for (let cut = Math.min(3, next.length - 1); cut >= 1 && !glued && !LETTER_SIZE.test(num); cut--) {
      const english = formatQuantity(num, next.slice(0, cut));
      const rest = glossary.get(next.slice(cut));
      if (english && rest) return { english: `${english} ${rest}`, consumed: 1 };
    }
  }
  return null;
}

/** Chinese → English for one text, with a per-token trace the coverage script reads. */
export function translateZhEnTraced(text: string, kind: TextKind): { english: string; trace: TokenTrace[] } {
  const trace: TokenTrace[] = [];
  const out: string[] = [];
  const whole = kind === 'text' ? null : wholeValue(text);
  if (whole !== null) {
    trace.push({ zh: text.trim(), en: whole, source: 'glossary' });
    return { english: whole, trace };
  }
  // Descriptions: "【产地】…" reads "产地: …", and known boilerplate sentences are matched whole.
  const segments = kind === 'text' ? splitPhrases(normalizeText(labelToColon(text))) : [{ zh: text }];
  for (const segment of segments) {
    if (segment.english !== undefined) {
      trace.push({ zh: segment.zh, en: segment.english, source: 'glossary' });
      out.push(segment.english);
    } else {
      translateWords(cutWords(segment.zh), kind, out, trace);
    }
  }
  return { english: finish(out, kind), trace };
}

function translateWords(words: string[], kind: TextKind, out: string[], trace: TokenTrace[]): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === ' ') continue;
    const quantity = quantityAt(words, i);
    if (quantity) {
      trace.push({ zh: words.slice(i, i + quantity.consumed + 1).join(''), en: quantity.english, source: 'unit' });
      out.push(quantity.english);
      i += quantity.consumed;
      continue;
    }
    // Province then city ("广东 广州") reads the English way round: "Guangzhou, Guangdong".
    const gap = words[i + 1] === ' ' ? 1 : 0;
    const place = placePair(word, words[i + 1 + gap] ?? '');
    if (place) {
      trace.push({ zh: words.slice(i, i + gap + 2).join(''), en: place, source: 'glossary' });
      out.push(place);
      i += gap + 1;
      continue;
    }
    if (!hasCjk(word)) {
      if (/^[\p{L}\p{N}]/u.test(word)) {
        const english = latinWord(word);
        trace.push({ zh: word, en: english, source: 'latin' });
        out.push(kind === 'text' && /[A-Z]/.test(english) ? KEEP_CASE + english : english);
      } else if (kind === 'text') {
        out.push(word === '/' ? SLASH : `\u0000${CJK_PUNCT[word] ?? word}`);
      } else if (word === '/' || word === '&' || word === '+') {
        out.push(word);
      }
      continue;
    }
    if (fillerWords.has(word)) {
      trace.push({ zh: word, en: '', source: 'filler' });
      continue;
    }
    const { english, source } = translateWord(word);
    trace.push({ zh: word, en: english, source });
    out.push(english);
  }
}

/** Joins pieces: "Anti-" prefixes glue to the next word, punctuation (marked \0) to the previous. */
function finish(pieces: string[], kind: TextKind): string {
  let text = pieces
    .filter((p) => p !== '')
    .join(' ')
    .replace(/- (?=\S)/g, '-')
    .replace(/ ?\u0000([([{"])/g, ' $1\u0001')
    .replace(/ ?\u0000/g, '')
    .replace(/\u0001 /g, '')
    .replace(/\u0001/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  text = dropAdjacentDuplicates(text);
  if (kind === 'text') {
    text = text.replace(/([,.;:!?])(?=[^\s\d"')\]\u0002])/g, '$1 ');
    const keep = (word: string) => word.startsWith(KEEP_CASE) || PROPER.has(word.replace(/[,.;:!?)]+$/, ''));
    return sentenceCase(text, keep).replace(/ ?\u0002 ?/g, '/').replaceAll(KEEP_CASE, '');
  }
  return titleCase(text.replace(/^[/&+ ]+|[/&+ ]+$/g, '').replace(/([/&+])(?: [/&+])+/g, '$1'));
}

export function translateZhEn(text: string, kind: TextKind): string {
  return translateZhEnTraced(text, kind).english;
}
