import { fillerWords } from '@/lib/i18n/translate/offline/glossary';
import { cutWords, hasCjk, normalizeText, segmenter } from '@/lib/i18n/translate/offline/segmenter';

/**
 * Terms for the keyword index (search_terms: term varchar(64), product_id, weight) and for the
 * shopper's query, made by the same functions so they agree. Search requires every query term to
 * match (see queries/search-products.ts), so a query term must never be something the index of a
 * matching product would lack: the query side uses only jieba's precise words, the index side adds
 * search-mode sub-words and whole short runs on top.
 *
 * Re-index after changing the glossary: it steers jieba's segmentation on both sides.
 */

export const TERM_MAX_LENGTH = 64;
export const QUERY_MAX_TERMS = 8;

/** Title words rank above spec words; sub-words of a longer Chinese word in between. */
export const WEIGHT = { title: 3, titleSubword: 2, attribute: 1 } as const;

/** Listing noise that would match half the catalog; dropped on both sides. */
const ZH_STOP = new Set([...fillerWords, '新款', '爆款', '包邮', '现货', '一件代发', '代发', '厂家直销', '热卖', '热销', '特价', '同款']);
const EN_STOP = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'new']);

/** Plural forms the suffix rules below would get wrong. */
const IRREGULAR: Record<string, string> = {
  men: 'man', women: 'woman', children: 'child', feet: 'foot', teeth: 'tooth', mice: 'mouse', knives: 'knife',
  shelves: 'shelf', leaves: 'leaf', scarves: 'scarf', halves: 'half', wolves: 'wolf', series: 'series', species: 'species',
  lenses: 'lens', lens: 'lens', cookies: 'cookie', movies: 'movie', ties: 'tie', pies: 'pie',
};

/**
 * Conservative English singular: only the plural endings that are unambiguous, so "glass",
 * "dress", "canvas", "bus" and "yes" stay whole while "dresses", "shoes" and "batteries" fold.
 */
export function singular(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (/(ss|us|is|as|ys|os)$/.test(word) && !/(ays|eys|oys|uys)$/.test(word)) return word;
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(sses|shes|ches|xes|zzes)$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word)) {
    const stripped = word.slice(0, -1);
    return IRREGULAR[stripped] ?? stripped; // "womens" (typed without the apostrophe) → woman
  }
  return word;
}

/**
 * What the database will compare: lower case, full-width folded (NFKC), Latin accents stripped and
 * ß → ss — utf8mb4_unicode_ci treats those as equal, so two spellings would collide on the primary key.
 */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/ß/g, 'ss');
}

/** A folded term cut to the column width (varchar counts characters, not bytes). */
export function normalizeTerm(term: string): string {
  return Array.from(fold(term)).slice(0, TERM_MAX_LENGTH).join('');
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*['’]?/gu;

/** English (or other spaced-script) words: possessives dropped, hyphenated words both split and joined. */
export function latinTerms(text: string): string[] {
  const out: string[] = [];
  for (const [raw] of fold(text).matchAll(WORD)) {
    const word = raw.replace(/['’]s$|['’]$/, '').replace(/['’]/g, '');
    const parts = word.split('-').filter(Boolean);
    const candidates = parts.length > 1 ? [...parts, parts.join('')] : parts;
    for (const candidate of candidates) {
      // "iphone15" is also "iphone" + "15", so "iphone 15" finds it.
      const runs = candidate.match(/\p{L}+|\p{N}+/gu) ?? [];
      for (const term of runs.length > 1 ? [candidate, ...runs] : [candidate]) {
        const stemmed = normalizeTerm(singular(term));
        if ([...stemmed].length < 2 || EN_STOP.has(stemmed)) continue;
        out.push(stemmed);
      }
    }
  }
  return out;
}

function zhWordTerm(word: string): string | null {
  if (!hasCjk(word) || ZH_STOP.has(word)) return null;
  return normalizeTerm(word);
}

/** Precise words: the query side, and the strongest terms of the index side. */
function preciseTerms(text: string): string[] {
  const out: string[] = [];
  for (const word of cutWords(text)) {
    if (word === ' ') continue;
    if (hasCjk(word)) {
      const term = zhWordTerm(word);
      if (term) out.push(term);
    } else {
      out.push(...latinTerms(word));
    }
  }
  return out;
}

/** Search-mode sub-words (保温杯 → 保温) and whole Chinese runs of 2–6 characters (attribute values). */
function extraZhTerms(text: string): string[] {
  const normalized = normalizeText(text);
  const out: string[] = [];
  for (const word of segmenter().cutForSearch(normalized, false)) {
    const term = zhWordTerm(word);
    if (term) out.push(term);
  }
  for (const [run] of normalized.matchAll(/[\u3400-\u9fff\uf900-\ufaff]+/g)) {
    const length = [...run].length;
    if (length >= 2 && length <= 6 && !ZH_STOP.has(run)) out.push(normalizeTerm(run));
  }
  return out;
}

export interface IndexInput {
  zhTitle: string;
  zhAttributes?: readonly string[];
  /** The product's titles in every stored locale. */
  translatedTitles?: readonly string[];
  translatedAttributes?: readonly string[];
}

/** term → weight for one product; a term found in several places keeps its highest weight. */
export function indexTerms(input: IndexInput): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (list: Iterable<string>, weight: number) => {
    for (const term of list) if (term && (terms.get(term) ?? 0) < weight) terms.set(term, weight);
  };
  add(extraZhTerms(input.zhTitle), WEIGHT.titleSubword);
  add(preciseTerms(input.zhTitle), WEIGHT.title);
  for (const text of input.translatedTitles ?? []) add(latinTerms(text), WEIGHT.title);
  for (const text of input.zhAttributes ?? []) {
    add(preciseTerms(text), WEIGHT.attribute);
    add(extraZhTerms(text), WEIGHT.attribute);
  }
  for (const text of input.translatedAttributes ?? []) add(latinTerms(text), WEIGHT.attribute);
  return terms;
}

/** A shopper's query (Chinese, English or mixed) as at most 8 distinct terms, in query order. */
export function queryTerms(q: string): string[] {
  return [...new Set(preciseTerms(q.slice(0, 500)))].slice(0, QUERY_MAX_TERMS);
}
