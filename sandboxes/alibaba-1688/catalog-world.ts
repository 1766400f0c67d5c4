import { demoOfferIndex, generateOffer, type DemoOffer } from '../../lib/catalog/demo';

/**
 * The sandbox's catalog: the deterministic demo offers plus what changed since start-up (stock,
 * price, on-sale state, modification time), kept as an overlay per touched offer so 100k offers
 * never sit in memory. Every change gets a modification time after start-up and is announced to
 * listeners (push messages, the catalog index).
 */
export type LiveOffer = { index: number; offer: DemoOffer; isOnSale: boolean; modifiedAt: number };

export type InventoryChange = { offerId: string; skuId: string; skuOnSale: number; offerOnSale: number; quantity: number; at: number };
export type ProductEventType = 'PRODUCT_RELATION_VIEW_PRODUCT_NEW_OR_MODIFY' | 'PRODUCT_RELATION_VIEW_PRODUCT_EXPIRE' | 'PRODUCT_RELATION_VIEW_PRODUCT_REPOST';
export type WorldEvent = { kind: 'inventory'; changes: InventoryChange[] } | { kind: 'product'; type: ProductEventType; offerIds: string[]; at: number };

export type SkuChange = { skuId: string; stock?: number; priceFen?: number };

type SkuState = { stock: number; priceFen: number };
export type Overlay = { baseModifiedAt: number; modifiedAt: number; isOffSale: boolean; skus: Map<string, SkuState> };

export class WorldError extends Error {}

export class CatalogWorld {
  readonly startedAt: number;
  private readonly overlays = new Map<number, Overlay>();
  private readonly listeners = new Set<(event: WorldEvent) => void>();
  private lastChangeAt = 0;
  /** Bumped on every change; lets the index know its sorted view of changes went stale. */
  version = 0;

  constructor(
    readonly seed: string,
    readonly size: number,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  onChange(listener: (event: WorldEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The catalog index of an offer id, or null for ids outside this catalog. */
  indexOf(offerId: string): number | null {
    const index = demoOfferIndex(this.seed, offerId);
    return index !== null && index < this.size ? index : null;
  }

  live(index: number): LiveOffer {
    const base = generateOffer(this.seed, index);
    const overlay = this.overlays.get(index);
    if (!overlay) return { index, offer: base, isOnSale: true, modifiedAt: Date.parse(base.modifiedAt) };
    const skus = base.skus.map((sku) => {
      const state = overlay.skus.get(sku.skuId);
      return state ? { ...sku, priceFen: state.priceFen, amountOnSale: state.stock } : sku;
    });
    const offer = { ...base, skus, modifiedAt: new Date(overlay.modifiedAt).toISOString() };
    return { index, offer, isOnSale: !overlay.isOffSale, modifiedAt: overlay.modifiedAt };
  }

  /** Touched offers with their current and original modification times. */
  touched(): IterableIterator<[number, Readonly<Overlay>]> {
    return this.overlays.entries();
  }

  isTouched(index: number): boolean {
    return this.overlays.has(index);
  }

  /** Sets stock and/or price of several SKUs of one offer as one change. */
  changeSkus(index: number, changes: readonly SkuChange[], at = this.nextChangeTime()): void {
    const current = this.live(index);
    for (const change of changes) {
      if (!current.offer.skus.some((s) => s.skuId === change.skuId)) throw new WorldError(`offer ${current.offer.offerId} has no SKU ${change.skuId}`);
      if (change.stock !== undefined && !(Number.isInteger(change.stock) && change.stock >= 0)) throw new WorldError('stock must be a non-negative integer');
      if (change.priceFen !== undefined && !(Number.isInteger(change.priceFen) && change.priceFen > 0)) throw new WorldError('priceFen must be a positive integer');
    }
    const overlay = this.overlayFor(current, at);
    const inventory: InventoryChange[] = [];
    let isRepriced = false;
    for (const change of changes) {
      const state = overlay.skus.get(change.skuId) as SkuState;
      if (change.priceFen !== undefined && change.priceFen !== state.priceFen) {
        state.priceFen = change.priceFen;
        isRepriced = true;
      }
      if (change.stock !== undefined && change.stock !== state.stock) {
        inventory.push({ offerId: current.offer.offerId, skuId: change.skuId, skuOnSale: change.stock, offerOnSale: 0, quantity: change.stock - state.stock, at });
        state.stock = change.stock;
      }
    }
    const offerOnSale = overlay.isOffSale ? 0 : [...overlay.skus.values()].reduce((sum, s) => sum + s.stock, 0);
    for (const change of inventory) change.offerOnSale = offerOnSale;
    if (inventory.length > 0) this.emit({ kind: 'inventory', changes: inventory });
    if (isRepriced) this.emit({ kind: 'product', type: 'PRODUCT_RELATION_VIEW_PRODUCT_NEW_OR_MODIFY', offerIds: [current.offer.offerId], at });
  }

  setOnSale(index: number, isOnSale: boolean): void {
    const current = this.live(index);
    if (current.isOnSale === isOnSale) return;
    const at = this.nextChangeTime();
    this.overlayFor(current, at).isOffSale = !isOnSale;
    const type = isOnSale ? 'PRODUCT_RELATION_VIEW_PRODUCT_REPOST' : 'PRODUCT_RELATION_VIEW_PRODUCT_EXPIRE';
    this.emit({ kind: 'product', type, offerIds: [current.offer.offerId], at });
  }

  /** Modification times never run backwards, so a walk by modification time misses nothing. */
  nextChangeTime(): number {
    this.lastChangeAt = Math.max(this.now(), this.lastChangeAt, this.startedAt);
    return this.lastChangeAt;
  }

  private overlayFor(current: LiveOffer, at: number): Overlay {
    let overlay = this.overlays.get(current.index);
    if (!overlay) {
      const skus = new Map(current.offer.skus.map((s) => [s.skuId, { stock: s.amountOnSale, priceFen: s.priceFen }] as const));
      overlay = { baseModifiedAt: current.modifiedAt, modifiedAt: at, isOffSale: false, skus };
      this.overlays.set(current.index, overlay);
    }
    overlay.modifiedAt = at;
    this.version++;
    return overlay;
  }

  private emit(event: WorldEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
