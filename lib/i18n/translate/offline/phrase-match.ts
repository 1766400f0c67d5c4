import { descriptionSentences, wholeValues } from './terms/phrases';

/**
 * Whole-phrase matching for description lines, before word-by-word translation: boilerplate such
 * as the 温馨提示 colour disclaimer comes out as written English, not as a string of dictionary
 * senses. See terms/phrases.ts for the phrases and their rules.
 */

export interface TextSegment {
  /** The Chinese (NFKC-normalised) text of this segment. */
  zh: string;
  /** Set when the whole segment is a known phrase. */
  english?: string;
}

const NUMBER = String.raw`\d+(?:\.\d+)?(?:[-~]\d+(?:\.\d+)?)?`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Pattern {
  re: RegExp;
  english: string;
}

/**
 * Longest phrases first, so a whole sentence wins over the clause it ends with. Whole spec values
 * count too: "【品牌】无" is "Brand: none", and a value list "单头/头+1米线" is split by its slashes.
 */
const patterns: Pattern[] = Object.entries({ ...wholeValues, ...descriptionSentences })
  .sort(([a], [b]) => b.length - a.length)
  .map(([zh, english]) => {
    const body = escape(zh.normalize('NFKC')).replace(/\\\{n\\\}/g, `(${NUMBER})`);
    // Only between punctuation, spaces or line ends: never the middle of a longer clause.
    return { re: new RegExp(String.raw`(?<=^|[\s\p{P}])${body}(?=$|[\s\p{P}])`, 'gu'), english };
  });

/** Splits a description line into known phrases (translated) and the text between them. */
export function splitPhrases(text: string): TextSegment[] {
  const hits: { start: number; end: number; english: string }[] = [];
  for (const { re, english } of patterns) {
    for (const match of text.matchAll(re)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      hits.push({ start, end, english: english.replace('{n}', match[1] ?? '') });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  const segments: TextSegment[] = [];
  let at = 0;
  for (const hit of hits) {
    if (hit.start > at) segments.push({ zh: text.slice(at, hit.start) });
    segments.push({ zh: text.slice(hit.start, hit.end), english: hit.english });
    at = hit.end;
  }
  if (at < text.length) segments.push({ zh: text.slice(at) });
  return segments;
}

/** The English of a title or spec that is, as a whole, a known value (是 → "Yes"), else null. */
export function wholeValue(text: string): string | null {
  return wholeValues[text.normalize('NFKC').trim()] ?? null;
}

/**
 * A 【label】 opening a description line ("【产地】广东广州") reads as "label: value" in English;
 * elsewhere 【】 stay brackets. Returns the line with the label turned into "label：".
 */
export function labelToColon(line: string): string {
  return line.replace(/^\s*【([^【】]{1,10})】\s*(?=\S)/, '$1：');
}
