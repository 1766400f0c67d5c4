import { cedictGloss } from './cedict';
import { glossary } from './glossary';

/** Where a translation came from; the coverage script reports the weak sources. */
export type WordSource = 'glossary' | 'glossary-parts' | 'cedict' | 'chars' | 'untranslated';

export interface WordTranslation {
  english: string;
  source: WordSource;
}

const MAX_PIECE = 8;

interface Piece {
  english: string;
  cost: number;
  fromGlossary: boolean;
  known: boolean;
}

/**
 * The translation of one substring as a piece of a longer word. Costs make the cover prefer
 * glossary words, then dictionary words, then single characters; an unknown character is kept
 * as is at a high cost so any cover that knows it wins.
 */
function piece(text: string, glossaryOnly: boolean): Piece | null {
  const single = [...text].length === 1;
  const fromGlossary = glossary.get(text);
  if (fromGlossary !== undefined) return { english: fromGlossary, cost: single ? 1.5 : 1, fromGlossary: true, known: true };
  if (glossaryOnly) return null;
  const gloss = cedictGloss(text);
  if (gloss) return { english: gloss, cost: single ? 2 : 1.1, fromGlossary: false, known: true };
  return single ? { english: text, cost: 10, fromGlossary: false, known: false } : null;
}

/**
 * Covers `word` with the cheapest sequence of pieces (a small DP over character positions):
 * 宠物猫 → 宠物 + 猫, 沙滩裤 → 沙滩 (CC-CEDICT "beach") + 裤 (glossary "Pants").
 */
export function coverWord(word: string, glossaryOnly = false): Piece[] | null {
  const chars = [...word];
  const best: ({ cost: number; pieces: Piece[] } | null)[] = Array.from({ length: chars.length + 1 }, () => null);
  best[0] = { cost: 0, pieces: [] };
  for (let start = 0; start < chars.length; start++) {
    const prefix = best[start];
    if (!prefix) continue;
    for (let len = 1; len <= Math.min(MAX_PIECE, chars.length - start); len++) {
      if (len === chars.length) continue; // the whole word is looked up directly, not as a piece
      const found = piece(chars.slice(start, start + len).join(''), glossaryOnly);
      if (!found) continue;
      const current = best[start + len];
      if (!current || current.cost > prefix.cost + found.cost) {
        best[start + len] = { cost: prefix.cost + found.cost, pieces: [...prefix.pieces, found] };
      }
    }
  }
  return best[chars.length]?.pieces ?? null;
}

function joinEnglish(pieces: Piece[]): string {
  return pieces
    .map((p) => p.english)
    .filter(Boolean)
    .join(' ')
    .replace(/- /g, '-');
}

/**
 * One Chinese word to English, in the order the glossary's authors trust most:
 * glossary → glossary pieces → CC-CEDICT word → cheapest cover by glossary/CC-CEDICT words and
 * characters → the characters themselves (no pinyin: it reads as noise to a shopper and hides the gap).
 */
export function translateWord(word: string): WordTranslation {
  const direct = glossary.get(word);
  if (direct !== undefined) return { english: direct, source: 'glossary' };

  const glossaryCover = [...word].length > 1 ? coverWord(word, true) : null;
  if (glossaryCover && glossaryCover.some((p) => p.cost === 1)) {
    return { english: joinEnglish(glossaryCover), source: 'glossary-parts' };
  }

  const gloss = cedictGloss(word);
  if (gloss) return { english: gloss, source: 'cedict' };

  const cover = [...word].length > 1 ? coverWord(word) : null;
  if (cover) return { english: joinEnglish(cover), source: cover.every((p) => p.known) ? 'chars' : 'untranslated' };
  return { english: word, source: 'untranslated' };
}
