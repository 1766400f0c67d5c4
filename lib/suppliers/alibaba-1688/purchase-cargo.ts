import { SupplierError, type PurchaseRequest, type WarehouseAddress } from '../types';
import { fetchLeanProducts } from './check-stock';
import type { Alibaba1688Client } from './client';

/**
 * What an order request must satisfy before 1688 sees it: 1–100 lines (1688's ceiling per
 * order), positive whole quantities, every offer still listed and sold by the request's seller.
 * Lines without a spec id get theirs from the listing, since 1688 orders by spec, not SKU id.
 */
export const MAX_ORDER_LINES = 100;

export type Cargo = { offerId: string; specId?: string; quantity: number; sourceSkuId: string };

export function checkLines(request: PurchaseRequest): void {
  if (request.lines.length === 0) throw new SupplierError('invalid', 'a 1688 order needs at least one line');
  if (request.lines.length > MAX_ORDER_LINES) {
    throw new SupplierError('refused', `1688 takes at most ${MAX_ORDER_LINES} lines per order (got ${request.lines.length}); split it by seller and size first`);
  }
  for (const line of request.lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1) throw new SupplierError('invalid', `quantity of ${line.offerId}/${line.sourceSkuId} must be a positive integer`);
  }
}

export async function resolveCargo(client: Alibaba1688Client, request: PurchaseRequest): Promise<Cargo[]> {
  checkLines(request);
  const listings = await fetchLeanProducts(client, request.lines.map((l) => l.offerId));
  return request.lines.map((line) => {
    const listing = listings.get(line.offerId);
    if (!listing) throw new SupplierError('refused', `1688 offer ${line.offerId} no longer exists`);
    if (listing.supplierMemberId !== undefined && listing.supplierMemberId !== request.sellerSourceId) {
      throw new SupplierError('refused', `1688 offer ${line.offerId} is sold by ${listing.supplierMemberId}, not ${request.sellerSourceId}: one order takes one seller's goods`);
    }
    const specId = line.specId ?? listing.skuInfos.find((s) => s.skuId === line.sourceSkuId)?.specId ?? undefined;
    if (!specId && listing.skuInfos.length > 0) throw new SupplierError('refused', `1688 offer ${line.offerId} has no SKU ${line.sourceSkuId}`);
    return { offerId: line.offerId, ...(specId ? { specId } : {}), quantity: line.quantity, sourceSkuId: line.sourceSkuId };
  });
}

/** Cargo as 1688 reads it: offer ids as bare Longs, written from their text so they stay exact. */
export function cargoParamList(cargo: readonly Cargo[]): string {
  return `[${cargo.map((c) => `{"offerId":${c.offerId},${c.specId ? `"specId":${JSON.stringify(c.specId)},` : ''}"quantity":${c.quantity}}`).join(',')}]`;
}

export function addressParam(address: WarehouseAddress): Record<string, string> {
  return {
    fullName: address.fullName,
    mobile: address.mobile,
    phone: address.mobile,
    postCode: address.postCode,
    provinceText: address.provinceText,
    cityText: address.cityText,
    areaText: address.areaText,
    townText: '',
    address: address.address,
  };
}
