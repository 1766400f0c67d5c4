import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { FxError, type FxProvider, type RateSnapshot } from './types';

/**
 * Adapter for the European Central Bank's daily euro reference rates (eurofxref-daily.xml):
 *
 *   <gesmes:Envelope …><Cube><Cube time='2025-11-14'><Cube currency='USD' rate='1.1593'/>…
 *
 * 1 EUR = rate QUOTE. Rates are kept as the exact strings the ECB printed. The same parser reads the
 * 90-day history file (several dated cubes, newest first): the newest day is taken.
 */

export const ECB_SOURCE = 'ecb';
const DEFAULT_TIMEOUT_MS = 10_000;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  // Strings in, strings out: a rate like '1.1600' must not become the float 1.16.
  parseAttributeValue: false,
  parseTagValue: false,
  // The feed has no entities; not expanding any closes the door on entity-expansion tricks.
  processEntities: false,
  isArray: (name) => name === 'Cube',
});

const rateSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be a 3-letter ISO code'),
  rate: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'rate must be a plain decimal')
    .refine((rate) => /[1-9]/.test(rate), 'rate must be positive'),
});

const feedSchema = z.object({
  Envelope: z.object({
    Cube: z
      .array(
        z.object({
          Cube: z
            .array(
              z.object({
                time: z.iso.date('time must be YYYY-MM-DD'),
                Cube: z.array(rateSchema).min(1, 'no rates for the day'),
              }),
            )
            .min(1, 'no dated Cube'),
        }),
      )
      .length(1, 'expected one outer Cube'),
  }),
});

/**
 * The instant a reference date stands for. The ECB fixes its rates at about 14:10 CET and
 * publishes them around 16:00 CET; 15:00 UTC is on or after publication all year. A fixed instant
 * per day means fetching the same day twice yields the same capture time (saved once).
 */
export function ecbCaptureTime(date: string): Date {
  return new Date(`${date}T15:00:00.000Z`);
}

export function parseEcbDaily(xml: string, source: string = ECB_SOURCE): RateSnapshot {
  if (xml.trim() === '') throw new FxError('fx_feed_invalid', 'ECB feed is empty');
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    throw new FxError('fx_feed_invalid', `ECB feed is not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`);
  }
  const parsed = feedSchema.safeParse(parser.parse(xml));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown shape';
    throw new FxError('fx_feed_invalid', `ECB feed has an unexpected shape at ${where}`);
  }
  const days = parsed.data.Envelope.Cube[0]?.Cube ?? [];
  const newest = [...days].sort((a, b) => b.time.localeCompare(a.time))[0];
  if (!newest) throw new FxError('fx_feed_invalid', 'ECB feed has no dated rates');

  const rates: Record<string, string> = {};
  for (const { currency, rate } of newest.Cube) {
    if (currency === 'EUR') throw new FxError('fx_feed_invalid', 'ECB feed quotes EUR against itself');
    if (Object.hasOwn(rates, currency)) throw new FxError('fx_feed_invalid', `ECB feed lists ${currency} twice`);
    rates[currency] = rate;
  }
  return { base: 'EUR', capturedAt: ecbCaptureTime(newest.time), source, rates };
}

/** Downloads and parses the daily feed; a slow or failing ECB never hangs a refresh. */
export function ecbProvider(url: string, options: { timeoutMs?: number } = {}): FxProvider {
  return {
    name: 'ecb',
    async fetchRates() {
      let xml: string;
      try {
        const response = await fetch(url, {
          signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
          headers: { accept: 'application/xml, text/xml' },
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        xml = await response.text();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new FxError('fx_feed_unavailable', `Could not fetch ECB rates from ${url}: ${reason}`, { cause: error });
      }
      return parseEcbDaily(xml);
    },
  };
}
