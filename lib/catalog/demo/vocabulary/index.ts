import { clothingVocabulary } from './clothing';
import { electronicsVocabulary } from './electronics';
import { everydayVocabulary } from './everyday';
import { homeBeautyVocabulary } from './home-beauty';
import { leisureVocabulary } from './leisure';
import { shoesBagsVocabulary } from './shoes-bags';
import type { LeafVocabulary } from './shared';

export * from './shared';

export const demoVocabulary: readonly LeafVocabulary[] = [
  ...clothingVocabulary,
  ...shoesBagsVocabulary,
  ...electronicsVocabulary,
  ...homeBeautyVocabulary,
  ...leisureVocabulary,
  ...everydayVocabulary,
];

const bySlug = new Map(demoVocabulary.map((v) => [v.slug, v]));

/** The vocabulary of a leaf category; throws for a slug without one (a bug in the tables). */
export function vocabularyFor(leafSlug: string): LeafVocabulary {
  const vocabulary = bySlug.get(leafSlug);
  if (!vocabulary) throw new Error(`No demo vocabulary for category "${leafSlug}"`);
  return vocabulary;
}
