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

/**
 * Where each motif touches the floor (y in motif units) when it is not the default 190: the
 * composer stands short goods (a sneaker, a ring) on the floor shadow instead of letting them float.
 */
export const motifGround: Readonly<Partial<Record<MotifId, number>>> = {
  sneaker: 118, 'canvas-shoe': 116, wallet: 112, 'pencil-case': 117, cable: 166, speaker: 80,
  'car-charger': 174, mug: 172, pan: 150, 'storage-box': 172, pacifier: 168, 'toy-car': 124,
  dumbbell: 102, 'yoga-mat': 174, ball: 174, 'pet-bowl': 148, bone: 130, 'pet-bed': 174,
  necklace: 124, earring: 112, ring: 124, 'hair-clip': 150, earbuds: 170, suitcase: 210,
  smartwatch: 202, 'phone-case': 202,
};
