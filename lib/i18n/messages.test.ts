import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { defaultLocale, locales, type Locale } from './locales';
import { messageAreas } from './message-areas';

/**
 * Checks every UI catalogue in messages/ against the English one: same keys, valid ICU,
 * same placeholders, plural branches for each language, nothing empty, nothing left in English.
 */

type Messages = { [key: string]: string | Messages };

const messagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../messages');

function readJson(file: string): Messages {
  return JSON.parse(readFileSync(path.join(messagesDir, file), 'utf8')) as Messages;
}

/** The storefront file plus every area file, as request.ts merges them; a namespace may live in one file only. */
function load(locale: Locale): Messages {
  const merged: Messages = readJson(`${locale}.json`);
  for (const area of messageAreas) {
    for (const [namespace, value] of Object.entries(readJson(`${area}/${locale}.json`))) {
      if (namespace in merged) throw new Error(`Namespace "${namespace}" of ${area}/${locale}.json is already defined`);
      merged[namespace] = value;
    }
  }
  return merged;
}

/** Leaf messages keyed by dotted path. Non-string leaves are kept so the type check can report them. */
function flatten(tree: Messages, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, at)) out.set(k, v);
    } else {
      out.set(at, value);
    }
  }
  return out;
}

const ARGUMENT_KIND: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'argument',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
};

type Walk = {
  /** placeholder name -> how it is formatted (argument, number, plural, ...) */
  args: Map<string, Set<string>>;
  plurals: { name: string; ordinal: boolean; options: string[] }[];
  /** the translatable text: literals only, placeholders removed */
  literal: string;
};

function walk(elements: MessageFormatElement[], acc: Walk = { args: new Map(), plurals: [], literal: '' }): Walk {
  for (const el of elements) {
    if (el.type === TYPE.literal) {
      acc.literal += el.value;
      continue;
    }
    if (el.type === TYPE.tag) {
      walk(el.children, acc);
      continue;
    }
    if (el.type === TYPE.pound) continue;
    const kind = ARGUMENT_KIND[el.type];
    if (!kind) continue;
    const kinds = acc.args.get(el.value) ?? new Set<string>();
    kinds.add(kind);
    acc.args.set(el.value, kinds);
    if (el.type === TYPE.plural) {
      acc.plurals.push({ name: el.value, ordinal: el.pluralType === 'ordinal', options: Object.keys(el.options) });
    }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) walk(option.value, acc);
    }
  }
  return acc;
}

function analyse(message: string): Walk {
  // Same options next-intl uses at runtime: tags are parsed (rich text), not ignored.
  return walk(parse(message, { requiresOtherClause: true }));
}

function describeArgs(args: Map<string, Set<string>>): string[] {
  return [...args].map(([name, kinds]) => `${name}:${[...kinds].sort().join('|')}`).sort();
}

/** Plural categories a locale actually selects for whole numbers (what counts, prices and pages are). */
function requiredCategories(locale: string, ordinal: boolean): Set<string> {
  const rules = new Intl.PluralRules(locale, { type: ordinal ? 'ordinal' : 'cardinal' });
  const hit = new Set<string>();
  for (let n = 0; n <= 1000; n++) hit.add(rules.select(n));
  for (const n of [1e4, 1e5, 1e6, 2e6, 1e9]) hit.add(rules.select(n));
  return hit;
}

// Untranslatable text: brand names, URLs, currency codes and units. A message made only of these
// may legitimately be identical to English.
const BRANDS = ['Ferry', '1688', 'Taobao', 'Tmall', 'JD', 'Pinduoduo', 'Weidian', 'CNY'];
function hasTranslatableText(literal: string): boolean {
  let rest = literal.replace(/(?:https?:\/\/)?(?:[\w-]+\.)+[a-z]{2,}(?:\/\S*)?/gi, ' ');
  for (const brand of BRANDS) rest = rest.replaceAll(brand, ' ');
  return /\p{L}{2,}/u.test(rest);
}

const english = flatten(load(defaultLocale));
const catalogues = locales.map((locale) => [locale, flatten(load(locale))] as const);
const translated = catalogues.filter(([locale]) => locale !== defaultLocale);

// Sample values: numbers for anything formatted as a number/plural, strings otherwise.
function sampleValues(args: Map<string, Set<string>>, n: number): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {};
  for (const [name, kinds] of args) {
    values[name] = kinds.has('plural') || kinds.has('number') ? n : kinds.has('date') || kinds.has('time') ? new Date(0) : `<${name}>`;
  }
  return values;
}

describe('messages', () => {
  it('has a catalogue for every locale', () => {
    expect(catalogues.map(([locale]) => locale)).toEqual([...locales]);
  });

  describe.each(catalogues)('%s', (locale, messages) => {
    it('has exactly the English keys', () => {
      const missing = [...english.keys()].filter((key) => !messages.has(key));
      const extra = [...messages.keys()].filter((key) => !english.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it('has only non-empty string messages', () => {
      const bad = [...messages].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
      expect(bad).toEqual([]);
    });

    it('parses as ICU with the same placeholders as English', () => {
      const problems: string[] = [];
      for (const [key, value] of messages) {
        const source = english.get(key);
        if (typeof value !== 'string' || typeof source !== 'string') continue;
        let ours: Walk;
        try {
          ours = analyse(value);
        } catch (error) {
          problems.push(`${key}: does not parse (${(error as Error).message})`);
          continue;
        }
        // Compare names and how each is formatted: turning a plain argument into a plural (or back)
        // changes what callers must pass.
        const want = describeArgs(analyse(source).args);
        const got = describeArgs(ours.args);
        if (want.join() !== got.join()) problems.push(`${key}: placeholders ${JSON.stringify(got)}, English has ${JSON.stringify(want)}`);
      }
      expect(problems).toEqual([]);
    });

    it('covers the plural categories the language needs', () => {
      const problems: string[] = [];
      for (const [key, value] of messages) {
        const source = english.get(key);
        if (typeof value !== 'string' || typeof source !== 'string') continue;
        let ours: Walk;
        try {
          ours = analyse(value);
        } catch {
          continue; // reported by the parse test
        }
        const theirs = analyse(source);
        for (const plural of ours.plurals) {
          const allowed = new Set(new Intl.PluralRules(locale, { type: plural.ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories);
          const keywords = plural.options.filter((option) => !option.startsWith('='));
          const missing = [...requiredCategories(locale, plural.ordinal)].filter((c) => !plural.options.includes(c));
          if (!plural.options.includes('other')) missing.push('other');
          const unknown = keywords.filter((option) => !allowed.has(option as Intl.LDMLPluralRule));
          const exact = theirs.plurals
            .filter((p) => p.name === plural.name)
            .flatMap((p) => p.options.filter((o) => o.startsWith('=')))
            .filter((o) => !plural.options.includes(o));
          if (missing.length) problems.push(`${key} {${plural.name}}: missing ${[...new Set(missing)].join(', ')}`);
          if (unknown.length) problems.push(`${key} {${plural.name}}: ${locale} has no ${unknown.join(', ')} category`);
          if (exact.length) problems.push(`${key} {${plural.name}}: drops English branch ${exact.join(', ')}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('formats with sample values', () => {
      const problems: string[] = [];
      for (const [key, value] of messages) {
        if (typeof value !== 'string') continue;
        try {
          const args = analyse(value).args;
          const format = new IntlMessageFormat(value, locale);
          for (const n of [0, 1, 2, 3, 5, 11, 21, 100, 1_000_000]) {
            const out = format.format(sampleValues(args, n));
            if (typeof out !== 'string' || out.trim() === '') problems.push(`${key}: empty output for ${n}`);
          }
        } catch (error) {
          problems.push(`${key}: ${(error as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
    });
  });

  describe.each(translated)('%s', (_locale, messages) => {
    it('has no English left untranslated', () => {
      const copies = [...messages]
        .filter(([key, value]) => {
          const source = english.get(key);
          if (typeof source !== 'string' || value !== source || source.length <= 12) return false;
          try {
            return hasTranslatableText(analyse(source).literal);
          } catch {
            return true;
          }
        })
        .map(([key]) => key);
      expect(copies).toEqual([]);
    });
  });
});
