/**
 * Every cache tag Ferry uses, in one place: reads tag what they depend on, writes revalidate the
 * same names. Product pages are statically rendered and carry the tags of the data they read.
 */
export const cacheTags = {
  catalog: 'catalog',
  categories: 'catalog:categories',
  product: (id: number) => `catalog:product:${id}`,
  listing: 'catalog:listing',
  fx: 'fx:rates',
  /** The warehouse's QC photos of a product's earlier orders, shown on its page with the shoppers' consent. */
  warehousePhotos: (productId: number) => `warehouse:photos:${productId}`,
  /** The agent's shipping lines, read by every quote (estimator, API, product and cart estimates). */
  shippingLines: 'shipping:lines',
} as const;

/** Seconds a cached catalog read or page may live before a background refresh (tags expire sooner). */
export const catalogRevalidateSeconds = 3600;
