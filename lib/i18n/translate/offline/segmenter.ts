import { readFileSync } from 'node:fs';
import type { Jieba } from '@node-rs/jieba';
import { segmenterWords } from './glossary';
import { requirePackage, resolvePackageFile } from './package-file';

/**
 * One jieba instance per process, shared by the offline translator and the search tokenizer so a
 * product's index terms and a shopper's query are cut the same way.
 *
 * Glossary words are added with a high frequency: jieba's default dictionary cuts listing jargon
 * badly ("收腰显瘦" → 夏收|腰|显|瘦). HMM stays off because it invents words across those bad
 * cuts ("衣女", "裤显") that neither the glossary nor CC-CEDICT know.
 */
let instance: Jieba | undefined;

export const segmenterStats = { loadMs: 0 };

/** Frequency for glossary words: far above ordinary words (~10³) yet below grammar words (~10⁶). */
const GLOSSARY_FREQ = 50_000;
/**
 * Default-dictionary words that straddle listing words: 帽子女 / 裤子女 / 鞋子女 should read
 * "hat + women", not "hat + children". Demoted so jieba only keeps them when nothing else fits.
 */
const DEMOTED = ['子女'];

export function segmenter(): Jieba {
  if (instance) return instance;
  const started = performance.now();
  // Loaded on first use, not at import: the default dictionary is 5 MB and the binding is native.
  const { Jieba: JiebaClass } = requirePackage<typeof import('@node-rs/jieba')>('@node-rs/jieba');
  const jieba = JiebaClass.withDict(readFileSync(resolvePackageFile('@node-rs/jieba', 'dict.txt')));
  const extra = [...segmenterWords().map((word) => `${word} ${GLOSSARY_FREQ}`), ...DEMOTED.map((word) => `${word} 1`)].join('\n');
  jieba.loadDict(Buffer.from(extra));
  instance = jieba;
  segmenterStats.loadMs = Math.round(performance.now() - started);
  return jieba;
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/**
 * Normalises before cutting: full-width forms to ASCII (NFKC), and a lone Latin letter glued to a
 * Chinese word upper-cased, so a shopper's "t恤" is cut like the seller's "T恤".
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/(^|[^A-Za-z])([a-z])(?=[\u4e00-\u9fff])/g, (_m, before: string, letter: string) => before + letter.toUpperCase())
    .replace(/\s+/g, ' ')
    .trim();
}

/** A non-Chinese run split into words ("type-c", "5.5", "100%"), spaces and single punctuation marks. */
const LATIN_PIECE = /[\p{L}\p{N}]+(?:[.\-+/&'’*×][\p{L}\p{N}]+)*%?|\s+|[^\s\p{L}\p{N}]/gu;

/**
 * Precise-mode words, with non-Chinese runs re-split on our own terms: jieba cuts "type-c" into
 * type|-|c and "5.5" into 5|.|5, while both a title and a search term want them whole.
 */
export function cutWords(text: string): string[] {
  const words: string[] = [];
  let latin = '';
  const flush = () => {
    for (const match of latin.matchAll(LATIN_PIECE)) words.push(/^\s+$/.test(match[0]) ? ' ' : match[0]);
    latin = '';
  };
  for (const piece of segmenter().cut(normalizeText(text), false)) {
    if (CJK.test(piece)) {
      flush();
      words.push(piece);
    } else {
      latin += piece;
    }
  }
  flush();
  return words;
}
