/**
 * Ferry's deterministic demo catalog: 1688-shaped offers, their sellers, a category tree with
 * menu labels in every UI locale, and product images drawn locally. Pure — no env, database,
 * network or clock — so the seed and the 1688 sandbox see byte-identical data on any machine.
 *
 * Seeding streams offers and renders each distinct image once:
 *
 *   for (const offer of generateOffers({ seed, count: 100_000 })) importOne(offer);
 *   for (const url of allDemoImageUrls()) store(url, await renderDemoImage(url));
 *
 * The sandbox answers a product-detail call without holding the catalog in memory:
 *
 *   const index = demoOfferIndex(seed, offerId);
 *   const offer = index !== null && index < catalogSize ? generateOffer(seed, index) : null;
 *
 * Stable across versions (URLs, ids and seeded rows depend on them): category slugs, the order
 * of `demoColours` and of the motif list. Titles, prices and images may change between
 * versions; within one version the same seed always gives the same catalog.
 */
export { demoCategoryTree, demoLeafCategories, demoLocales, findDemoCategory } from './categories';
export type { DemoCategory, DemoLeafCategory, DemoLocale, DemoTopCategory, LocaleNames } from './categories';
export { demoColours } from './colours';
export { demoOfferIndex, MAX_OFFER_INDEX, MAX_SKUS_PER_OFFER } from './ids';
export { DEMO_IMAGE_VARIANTS, decodeDemoImageUrl, encodeDemoImageUrl, isDemoImageUrl } from './image-urls';
export type { DemoImageSpec } from './image-urls';
export { DEMO_IMAGE_SIZE, demoImageSvg, renderDemoImage } from './images';
export { demoMotifIds } from './motifs';
export type { MotifId } from './motifs';
export { allDemoImageUrls } from './offer-images';
export { DEFAULT_DEMO_SEED, generateOffer, generateOffers } from './offers';
export type { DemoOffer, DemoSku, DemoSkuAttribute } from './offers';
export { createRng, hash32, hashString } from './random';
export type { Rng } from './random';
export { DEMO_SELLER_COUNT, demoSellersFor, getDemoSellers } from './sellers';
export type { DemoSeller } from './sellers';
export { demoVocabulary, vocabularyFor } from './vocabulary';
export type { LeafVocabulary } from './vocabulary';
