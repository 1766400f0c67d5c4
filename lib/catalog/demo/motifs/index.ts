import { apparelMotifs } from './apparel';
import { bagsTechMotifs } from './bags-tech';
import { homeMotifs } from './home';
import type { Motif } from './paint';
import { playMotifs } from './play';

/**
 * The drawable product silhouettes. A motif's position in this list is encoded in every demo
 * image URL, so the list is append-only (reordering would repaint seeded images).
 */
export const demoMotifIds = [
  'tshirt', 'shirt', 'dress', 'trousers', 'coat', 'hoodie',
  'sneaker', 'canvas-shoe', 'slipper', 'boot',
  'handbag', 'backpack', 'suitcase', 'wallet',
  'phone-case', 'cable', 'charger', 'phone-stand',
  'earbuds', 'smartwatch', 'power-bank', 'speaker',
  'mug', 'pan', 'storage-box', 'pillow',
  'lipstick', 'cosmetic-bottle', 'makeup-brush',
  'teddy', 'blocks', 'toy-car',
  'dumbbell', 'yoga-mat', 'tent', 'ball',
  'pet-bowl', 'bone', 'pet-bed', 'collar',
  'pen', 'notebook', 'pencil-case',
  'necklace', 'earring', 'ring', 'hair-clip',
  'baby-bottle', 'onesie', 'pacifier',
  'car-holder', 'seat-cushion', 'spray-bottle', 'car-charger',
] as const;

export type MotifId = (typeof demoMotifIds)[number];

export { makePaint, type Motif, type Paint } from './paint';

/** Every motif id has a drawing: the `Record<MotifId, …>` type makes a missing one a compile error. */
export const motifs: Readonly<Record<MotifId, Motif>> = {
  ...apparelMotifs,
  ...bagsTechMotifs,
  ...homeMotifs,
  ...playMotifs,
};
