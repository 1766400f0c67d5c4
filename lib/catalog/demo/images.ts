import { demoColours } from './colours';
import { decodeDemoImageUrl, type DemoImageSpec } from './image-urls';
import { makePaint, motifGround, motifs, type Paint } from './motifs';
import { mix } from './motifs/paint';
import { hash32 } from './random';

/**
 * Demo product photos, drawn rather than downloaded: an SVG (studio backdrop, floor shadow, the
 * motif in the SKU colour) rasterised by sharp. There is no text in any image because the
 * machine has no CJK fonts and product photos on 1688 carry their text in the listing anyway.
 */

export const DEMO_IMAGE_SIZE = 800;

/** Soft studio backdrops for coloured or dark goods. */
const paleBackdrops = ['#f3f1ec', '#edf1f4', '#f4eef0', '#eef2ec', '#f5f1e6', '#eeedf4'];
/** Mid-tone backdrops so white and pale goods keep their edges. */
const midBackdrops = ['#d5dbe2', '#ded5ca', '#cdd8d2', '#dad2de', '#d9d6cf'];
/** Walls for the styled shot. */
const styledWalls = ['#f3dde2', '#dbe7f3', '#dfeee3', '#f4e8d4', '#e6def1', '#efe2d4'];

/**
 * Variant 0: front shot standing on a soft floor shadow; 1: rotated close-up, cropped, no floor;
 * 2: smaller, standing on a podium against a coloured wall.
 */
type Frame = { scale: number; rotate: number; x: number; floorY: number | null; maxY: number; closeUpY: number };
const frames: readonly Frame[] = [
  { scale: 1.45, rotate: 0, x: 400, floorY: 664, maxY: 470, closeUpY: 0 },
  { scale: 2.15, rotate: -9, x: 440, floorY: null, maxY: 0, closeUpY: 455 },
  { scale: 1.18, rotate: 6, x: 400, floorY: 614, maxY: 480, closeUpY: 0 },
];

function defs(p: Paint, backdrop: string): string {
  const stops = `<stop offset="0" stop-color="${p.light}"/><stop offset=".45" stop-color="${p.base}"/><stop offset="1" stop-color="${p.dark}"/>`;
  return `<defs>
    <linearGradient id="b" x1="0" y1="0" x2="1" y2="0">${stops}</linearGradient>
    <linearGradient id="bv" x1="0" y1="0" x2="0" y2="1">${stops}</linearGradient>
    <linearGradient id="m" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f4f5f7"/><stop offset=".5" stop-color="#b3b8c0"/><stop offset="1" stop-color="#e4e6ea"/></linearGradient>
    <linearGradient id="scr" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#31456a"/><stop offset="1" stop-color="#0f141c"/></linearGradient>
    <radialGradient id="pearl" cx=".35" cy=".35" r=".7"><stop offset="0" stop-color="#ffffff"/><stop offset=".6" stop-color="#f1ebe1"/><stop offset="1" stop-color="#d6cdbf"/></radialGradient>
    <radialGradient id="bg" cx=".5" cy=".4" r=".8"><stop offset="0" stop-color="${mix(backdrop, '#ffffff', 0.6)}"/><stop offset="1" stop-color="${backdrop}"/></radialGradient>
    <radialGradient id="shadow"><stop offset="0" stop-color="#000" stop-opacity=".3"/><stop offset=".55" stop-color="#000" stop-opacity=".14"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>
  </defs>`;
}

function background(variant: number, backdrop: string, isPale: boolean, pick: number): string {
  if (variant !== 2) return `<rect width="800" height="800" fill="url(#bg)"/>`;
  const wall = isPale ? mix(styledWalls[pick % styledWalls.length] as string, '#6b6b6b', 0.18) : (styledWalls[pick % styledWalls.length] as string);
  const table = mix(wall, '#ffffff', 0.45);
  return `<rect width="800" height="800" fill="${wall}"/>
    <rect y="590" width="800" height="210" fill="${table}"/>
    <circle cx="${pick % 2 ? 650 : 150}" cy="170" r="120" fill="${mix(wall, '#ffffff', 0.35)}"/>
    <ellipse cx="400" cy="622" rx="280" ry="48" fill="${mix(backdrop, '#ffffff', 0.7)}" stroke="${mix(wall, '#000000', 0.12)}" stroke-width="2"/>`;
}

/** The SVG source of one demo image (exposed for tests and previews). */
export function demoImageSvg(spec: DemoImageSpec): string {
  const colour = demoColours[spec.colour];
  const frame = frames[spec.variant];
  if (!colour || !frame) throw new RangeError(`Not a drawable demo image: ${JSON.stringify(spec)}`);
  const paint = makePaint(colour.hex, colour.zh === '透明');
  const isPale = paint.luminance > 0.62;
  const pick = hash32(`${spec.motif}/${spec.colour}/${spec.variant}`);
  const palette = isPale ? midBackdrops : paleBackdrops;
  const backdrop = palette[pick % palette.length] as string;
  // Stand the motif on the floor: its ground line goes to floorY, unless that would push a
  // short item (a ring, a sneaker) too far down the frame.
  const ground = (motifGround[spec.motif] ?? 190) * frame.scale;
  const y = frame.floorY === null ? frame.closeUpY : Math.min(frame.maxY, frame.floorY - ground);
  const shadow =
    frame.floorY === null
      ? ''
      : // A radial gradient, not a blur filter: same soft edge at a fraction of the render time.
        `<ellipse cx="400" cy="${Math.round(y + ground + 6)}" rx="${270 * (frame.scale / 1.45)}" ry="38" fill="url(#shadow)"/>`;
  const body = motifs[spec.motif](paint);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${DEMO_IMAGE_SIZE}" height="${DEMO_IMAGE_SIZE}" viewBox="0 0 800 800">
  ${defs(paint, backdrop)}
  ${background(spec.variant, backdrop, isPale, pick >>> 3)}
  ${shadow}
  <g transform="translate(${frame.x} ${Math.round(y)}) rotate(${frame.rotate}) scale(${frame.scale})">${body}</g>
</svg>`;
}

/**
 * Redraws a demo image from its URL: an 800×800 JPEG (the URL ends in .jpg, like 1688's), or
 * null when the URL is not one of ours. sharp is loaded on first use so that generating offers
 * never pulls in the native module.
 */
export async function renderDemoImage(url: string): Promise<Buffer | null> {
  const spec = decodeDemoImageUrl(url);
  if (!spec) return null;
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(demoImageSvg(spec))).jpeg({ quality: 84 }).toBuffer();
}
