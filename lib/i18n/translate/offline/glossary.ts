import { apparel } from './terms/apparel';
import { beautyBabyPet } from './terms/beauty-baby-pet';
import { colors } from './terms/colors';
import { electronics } from './terms/electronics';
import { fashionDetails } from './terms/fashion-details';
import { geography } from './terms/geography';
import { homeKitchen } from './terms/home-kitchen';
import { marketing } from './terms/marketing';
import { officeAuto } from './terms/office-auto';
import { sellingPoints } from './terms/selling-points';
import { shoesBagsJewelry } from './terms/shoes-bags-jewelry';
import { sizesMaterials } from './terms/sizes-materials';
import { specNames } from './terms/spec-names';
import { specValues } from './terms/spec-values';
import { toolsHealthFestive } from './terms/tools-health-festive';
import { toysSportsOutdoor } from './terms/toys-sports-outdoor';

/**
 * The e-commerce glossary, checked before CC-CEDICT: dictionary senses are general-purpose
 * ("宽松" → "spacious") while listings need trade words ("Loose"). Split by domain so each list
 * stays reviewable; a word listed in two domains must mean the same in both (see the unit test).
 */
export const glossaryDomains = {
  apparel,
  fashionDetails,
  shoesBagsJewelry,
  electronics,
  homeKitchen,
  beautyBabyPet,
  toysSportsOutdoor,
  officeAuto,
  toolsHealthFestive,
  colors,
  sizesMaterials,
  marketing,
  specNames,
  specValues,
  sellingPoints,
  geography,
} as const;

/** Keys are simplified Chinese (or lowercase Latin such as `ins`); values are title-ready English. */
export const glossary: ReadonlyMap<string, string> = new Map(
  Object.values(glossaryDomains).flatMap((domain) => Object.entries(domain)),
);

/** Words that are only filler in a listing title: dropped rather than translated. */
export const fillerWords: ReadonlySet<string> = new Set([
  '的', '了', '之', '啊', '呢', '吧', '哦', '嘛', '着', '是', '在', '把', '被', '等', '和', '与', '及', '或', '很', '也',
  '都', '又', '就', '还', '所', '以', '得', '地', '这', '那', '该', '此', '其', '款', '式', '一款',
]);

/** Words that jieba should keep whole; multi-character glossary keys and measure-word combinations. */
export function segmenterWords(): string[] {
  return [...glossary.keys()].filter((word) => [...word].length > 1);
}
