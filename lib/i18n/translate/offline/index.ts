import type { TextKind, TranslationProvider } from '../types';
import { cedictGloss, cedictStats } from './cedict';
import { hasCjk, segmenter, segmenterStats } from './segmenter';
import { translateNoteEnZh } from './note-en-zh';
import { translateZhEn } from './translate-text';

/** The offline dictionaries only know English; any `en-*` variant gets the same text. */
function isEnglish(locale: string): boolean {
  return /^en(?:-|$)/i.test(locale);
}

/** Keeps line breaks in descriptions: each line is translated on its own. */
function translateOne(text: string, kind: TextKind): string {
  if (!hasCjk(text)) return text.replace(/[ \t]+/g, ' ').trim();
  if (kind !== 'text') return translateZhEn(text.replace(/\s+/g, ' '), kind);
  return text
    .split(/\r?\n/)
    .map((line) => (hasCjk(line) ? translateZhEn(line, 'text') : line.trim()))
    .join('\n');
}

/**
 * The default provider: zh → en with no network, by jieba segmentation, the e-commerce glossary
 * and CC-CEDICT. Word-by-word, so it reads like a listing, not like prose; good enough for titles
 * and specs, which is what shoppers scan. Other locales get null: there is no offline dictionary
 * for them, and the storefront then shows English and says so. English notes to sellers go the
 * other way through a phrasebook (note-en-zh.ts).
 */
export const offlineProvider: TranslationProvider = {
  name: 'offline',
  async translate(texts, from, to, kind = 'text') {
    // The one text going the other way: a shopper's note to the seller (a phrasebook draft).
    if (isEnglish(from) && /^zh(?:-cn|-hans)?$/i.test(to)) return texts.map(translateNoteEnZh);
    if (!/^zh/i.test(from) || !isEnglish(to)) return null;
    return texts.map((text) => translateOne(text, kind));
  },
};

/**
 * Loads jieba and CC-CEDICT now rather than on the first product (~1 s, ~60–90 MB), for import
 * workers that want the pause at start-up. Returns the load times in milliseconds.
 */
export function warmOfflineDictionaries(): { segmenterMs: number; cedictMs: number } {
  segmenter();
  cedictGloss('的');
  return { segmenterMs: segmenterStats.loadMs, cedictMs: cedictStats.loadMs };
}
