import { z } from 'zod';
import { ecbCaptureTime } from './ecb';
import bundled from './snapshot-rates.json';
import type { FxProvider, RateSnapshot } from './types';

/**
 * The offline default provider: a bundled set of EUR-based rates in the ECB's shape (no machine in
 * the demo reaches the ECB). Its capture time is the snapshot's own date, so refreshing from it
 * again and again stores the rates once. Validated on load like any other feed: a bad edit to
 * the JSON fails loudly instead of pricing the catalog at NaN.
 */

const snapshotFileSchema = z.object({
  source: z.string().min(1).max(32),
  base: z.string().regex(/^[A-Z]{3}$/),
  time: z.iso.date(),
  rates: z.record(
    z.string().regex(/^[A-Z]{3}$/),
    z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .refine((rate) => /[1-9]/.test(rate), 'rate must be positive'),
  ),
});

export const SNAPSHOT_SOURCE = 'ecb-snapshot';

export function bundledSnapshot(): RateSnapshot {
  const file = snapshotFileSchema.parse(bundled);
  return {
    base: file.base,
    capturedAt: ecbCaptureTime(file.time),
    source: file.source,
    rates: { ...file.rates },
  };
}

/**
 * `capturedAt` overrides the snapshot's date: tests and demos use it to store "a newer fetch" of
 * the same rates; `rates` overrides individual quotes for the same reason.
 */
export function snapshotProvider(options: { capturedAt?: Date; rates?: Record<string, string> } = {}): FxProvider {
  return {
    name: 'snapshot',
    async fetchRates() {
      const snapshot = bundledSnapshot();
      return {
        ...snapshot,
        capturedAt: options.capturedAt ?? snapshot.capturedAt,
        rates: { ...snapshot.rates, ...options.rates },
      };
    },
  };
}
