import { demoColours } from './colours';
import { demoMotifIds, type MotifId } from './motifs';
import { hashString } from './random';

/**
 * Demo image URLs look like 1688's CDN (`https://cbu01.alicdn.com/img/ibank/O1CN01<17 chars>_!!<n>-0-cib.jpg`)
 * while carrying what is needed to redraw them: motif, colour and variant, packed in 14 bits and
 * hidden behind a hash so the tokens look random. Decoding re-encodes and compares the whole
 * URL, so a real 1688 URL (or a tampered one) is never mistaken for a demo image.
 *
 * The URL space is bounded on purpose: motifs × colours-in-use × variants (a few hundred), so
 * 100,000 offers share the same few hundred images and a seed renders each once.
 */

export const DEMO_IMAGE_VARIANTS = 3;
const CDN_PREFIX = 'https://cbu01.alicdn.com/img/ibank/O1CN01';
const URL_PATTERN = /^https:\/\/cbu01\.alicdn\.com\/img\/ibank\/O1CN01([0-9A-Za-z]{17})_!!(\d{10})-0-cib\.jpg$/;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export type DemoImageSpec = {
  motif: MotifId;
  /** Index into `demoColours`. */
  colour: number;
  /** 0: studio front shot, 1: close-up, 2: styled backdrop. */
  variant: number;
};

function toBase62(value: number, width: number): string {
  let out = '';
  let v = value >>> 0;
  for (let i = 0; i < width; i++) {
    out = (BASE62[v % 62] as string) + out;
    v = Math.floor(v / 62);
  }
  return out;
}

function fromBase62(text: string): number {
  let v = 0;
  for (const ch of text) v = v * 62 + BASE62.indexOf(ch);
  return v;
}

function payloadUrl(payload: number): string {
  const [h1, h2, h3, h4] = hashString(`ferry-demo-image:${payload}`);
  const token = toBase62(h1, 6) + toBase62(payload ^ (h1 & 0x3fff), 3) + toBase62(h2, 6) + toBase62(h3 % 3844, 2);
  // 1688 puts the uploader's member number after `!!`; ours is fixed per image because
  // images are shared between sellers.
  const uploader = 2_200_000_000 + (h4 & 0x3fffffff);
  return `${CDN_PREFIX}${token}_!!${uploader}-0-cib.jpg`;
}

const urlCache = new Map<number, string>();

export function encodeDemoImageUrl(spec: DemoImageSpec): string {
  const motif = demoMotifIds.indexOf(spec.motif);
  if (motif < 0 || spec.colour < 0 || spec.colour >= demoColours.length || spec.variant < 0 || spec.variant >= DEMO_IMAGE_VARIANTS) {
    throw new RangeError(`Not a drawable demo image: ${JSON.stringify(spec)}`);
  }
  const payload = (motif << 8) | (spec.colour << 2) | spec.variant;
  let url = urlCache.get(payload);
  if (!url) {
    url = payloadUrl(payload);
    urlCache.set(payload, url);
  }
  return url;
}

/** The drawing behind a demo URL, or null for any other URL. */
export function decodeDemoImageUrl(url: string): DemoImageSpec | null {
  const match = URL_PATTERN.exec(url);
  if (!match) return null;
  const token = match[1] as string;
  const h1 = fromBase62(token.slice(0, 6));
  const payload = fromBase62(token.slice(6, 9)) ^ (h1 & 0x3fff);
  if (payload < 0 || payload >= 1 << 14) return null;
  const motif = demoMotifIds[payload >> 8];
  const colour = (payload >> 2) & 0x3f;
  const variant = payload & 0x3;
  if (!motif || colour >= demoColours.length || variant >= DEMO_IMAGE_VARIANTS) return null;
  return payloadUrl(payload) === url ? { motif, colour, variant } : null;
}

export function isDemoImageUrl(url: string): boolean {
  return decodeDemoImageUrl(url) !== null;
}
