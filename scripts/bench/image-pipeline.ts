import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { deriveImages } from '@/lib/media/derive';
import { createImageFetcher } from '@/lib/media/fetch-original';
import { createLocalStorage } from '@/lib/media/local-storage';
import { createSemaphore } from '@/lib/media/semaphore';
import { startFlakyImageServer, type Fault } from '@/lib/media/testing/flaky-image-server';

export type ImagePipelineBenchOptions = {
  /** Originals to download and derive. */
  images?: number;
  capBytesPerSecond?: number;
  concurrency?: number;
  /** Share of images whose first request(s) fail transiently (503, 429, reset, reset mid-body). */
  transientFailureRate?: number;
  /** Side of the square originals; 2000 px noisy JPEGs weigh ~3.4 MB, near the field's 5 MB. */
  side?: number;
};

export type ImagePipelineBenchResult = {
  bytes: number;
  seconds: number;
  bytesPerSecond: number;
  capBytesPerSecond: number;
  /** Measured rate against the cap, in percent (the target is within ±10). */
  deviationPercent: number;
  images: number;
  ready: number;
  missing: number;
  retries: number;
  attempts: number;
  /**
   * Most downloads in progress at once, counted by the fetcher. (The server's own count reads lower
   * on loopback: a whole original fits in the kernel's socket buffers, so it finishes writing early.)
   */
  peakConcurrent: number;
};

const transientFaults: Fault[] = ['503', 'reset', 'reset-mid-body', '429'];

/**
 * The image pipeline against a local flaky CDN: every download through one capped fetcher, each
 * original derived to WebP 200/800 and stored on disk. Reports the download rate against the cap
 * (over the download phase, partial bodies of failed attempts included: they used the link too)
 * and how many images ended without both derivatives.
 */
export async function benchImagePipeline(options: ImagePipelineBenchOptions = {}): Promise<ImagePipelineBenchResult> {
  const count = options.images ?? 60;
  const cap = options.capBytesPerSecond ?? 20_000_000;
  const failEvery = Math.max(1, Math.round(1 / (options.transientFailureRate ?? 0.1)));
  const originals = await makeOriginals(count, options.side ?? 2000);
  // Each faulty image fails its first request, every other one its first two: within the 3 retries.
  const faulty = [...originals.keys()].filter((_, i) => i % failEvery === 0);
  const faults = new Map(faulty.map((p, i) => [p, { fault: transientFaults[i % transientFaults.length]!, times: 1 + (i % 2) }] as const));
  const server = await startFlakyImageServer({
    images: originals,
    faults: (p, nth) => {
      const plan = faults.get(p);
      return plan && nth <= plan.times ? plan.fault : 'ok';
    },
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-bench-media-'));
  const storage = createLocalStorage(dir);
  // The local stand-in CDN is trusted the way ALIBABA_1688_CDN_URL is in the demo.
  const fetcher = createImageFetcher({ concurrency: options.concurrency ?? 10, bytesPerSecond: cap, baseDelayMs: 100, trustedBases: [server.origin] });
  // Decoding runs beside the downloads, never in their slots: sharp's speed must not hide or fake the cap.
  const cpu = createSemaphore(Math.max(1, os.availableParallelism()));

  try {
    const started = performance.now();
    let lastByteAt = started;
    const outcomes = await Promise.all(
      [...originals.keys()].map(async (p) => {
        try {
          const body = await fetcher.fetch(`${server.origin}${p}`);
          lastByteAt = performance.now();
          const release = await cpu.acquire();
          try {
            const d = await deriveImages(body);
            await storage.save(d);
            return (await Promise.all([200, 800].map((s) => stat(storage.fileFor(d.key, s as 200 | 800))))).every((f) => f.size > 0);
          } finally {
            release();
          }
        } catch {
          return false;
        }
      }),
    );
    const counters = fetcher.counters();
    const seconds = (lastByteAt - started) / 1000;
    const bytesPerSecond = counters.bytes / seconds;
    const ready = outcomes.filter(Boolean).length;
    return {
      bytes: counters.bytes,
      seconds: round(seconds, 2),
      bytesPerSecond: Math.round(bytesPerSecond),
      capBytesPerSecond: cap,
      deviationPercent: round(((bytesPerSecond - cap) / cap) * 100, 1),
      images: count,
      ready,
      missing: count - ready,
      retries: counters.retries,
      attempts: counters.attempts,
      peakConcurrent: counters.peakActive,
    };
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A few noisy JPEGs (noise keeps them big, like photos) made distinct per URL by a JPEG comment
 * segment: cheap, still valid, and each URL hashes to its own content key.
 */
async function makeOriginals(count: number, side: number): Promise<Map<string, Buffer>> {
  const bases = await Promise.all(
    [30, 40, 50, 60].map((sigma) => sharp({ create: { width: side, height: side, channels: 3, background: '#8a7b6c', noise: { type: 'gaussian', mean: 128, sigma } } }).jpeg({ quality: 95 }).toBuffer()),
  );
  const images = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    const comment = Buffer.from(`ferry-bench-${i}`);
    const segment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment]);
    const base = bases[i % bases.length]!;
    images.set(`/img/ibank/bench-${i}.jpg`, Buffer.concat([base.subarray(0, 2), segment, base.subarray(2)]));
  }
  return images;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
