import { colourIndex } from './colours';
import { DEMO_IMAGE_VARIANTS, encodeDemoImageUrl } from './image-urls';
import type { Rng } from './random';
import { demoVocabulary, type LeafVocabulary } from './vocabulary';

/**
 * Which demo images an offer shows. Images come from the leaf's own palette only, and only the
 * leaf's first HERO_COLOURS colours (the palettes list the best sellers first) get the close-up
 * and styled shots; the others get a front shot. That bounds the whole catalog to a few hundred
 * distinct URLs however many offers there are, so a seed renders each image once.
 */

const HERO_COLOURS = 3;

export type OfferImages = {
  images: string[];
  /** Position in `images` of each SKU colour's front shot (1688's `skuImageUrl`). */
  imageIndexByColour: ReadonlyMap<string, number>;
};

const url = (v: LeafVocabulary, colour: string, variant: number): string =>
  encodeDemoImageUrl({ motif: v.motif, colour: colourIndex(colour), variant });

const hasVariant = (v: LeafVocabulary, colour: string, variant: number): boolean =>
  variant === 0 || v.colours.indexOf(colour as LeafVocabulary['colours'][number]) < HERO_COLOURS;

/**
 * Main image first (colour 1, front), then a close-up of it, then one front shot per other SKU
 * colour (so every SKU has its picture), then more angles, then the rest of the palette.
 */
export function pickOfferImages(rng: Rng, v: LeafVocabulary, offerColours: readonly string[]): OfferImages {
  const [first = v.colours[0] as string, ...others] = offerColours;
  const wanted = Math.min(8, Math.max(rng.int(3, 8), offerColours.length));
  const order: [string, number][] = [[first, 0]];
  // Angles of the main colour go second only where they leave room for every SKU colour's shot.
  const room = wanted - offerColours.length;
  for (let variant = 1; variant <= Math.min(room, DEMO_IMAGE_VARIANTS - 1); variant++) order.push([first, variant]);
  for (const c of others) order.push([c, 0]);
  for (const c of offerColours) for (let variant = 1; variant < DEMO_IMAGE_VARIANTS; variant++) order.push([c, variant]);
  for (const c of rng.shuffle(v.colours.filter((c) => !offerColours.includes(c)))) {
    for (let variant = 0; variant < DEMO_IMAGE_VARIANTS; variant++) order.push([c, variant]);
  }

  const seen = new Set<string>();
  const images: string[] = [];
  const imageIndexByColour = new Map<string, number>();
  for (const [colour, variant] of order) {
    if (images.length >= wanted) break;
    const key = `${colour}/${variant}`;
    if (seen.has(key) || !hasVariant(v, colour, variant)) continue;
    seen.add(key);
    if (variant === 0 && offerColours.includes(colour)) imageIndexByColour.set(colour, images.length);
    images.push(url(v, colour, variant));
  }
  return { images, imageIndexByColour };
}

/**
 * Every image URL the generator can emit, de-duplicated: what a seed should pre-render, and
 * the upper bound on distinct images in any catalog.
 */
export function allDemoImageUrls(): string[] {
  const urls = new Set<string>();
  for (const v of demoVocabulary) {
    for (const colour of v.colours) {
      for (let variant = 0; variant < DEMO_IMAGE_VARIANTS; variant++) {
        if (hasVariant(v, colour, variant)) urls.add(url(v, colour, variant));
      }
    }
  }
  return [...urls];
}
