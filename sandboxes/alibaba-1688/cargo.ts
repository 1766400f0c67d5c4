import type { DemoSeller, DemoSku } from '../../lib/catalog/demo';
import type { CatalogWorld, LiveOffer } from './catalog-world';
import { gatewayErrors } from './gateway-error';

/**
 * `cargoParamList` (`[{offerId, specId, quantity}]`) checked the way 1688's order preview and
 * order creation check it, with 1688's business codes: 500_001 not orderable, 500_002 several
 * sellers, 500_003 spec not of that offer, 500_004 short of stock.
 */
export type CargoLine = { live: LiveOffer; sku: DemoSku; quantity: number };
export type Cargo = { lines: CargoLine[]; seller: DemoSeller; goodsFen: number; freightFen: number };
export type BusinessFailure = { failure: { code: string; message: string } };

export const MAX_CARGO_LINES = 100;

export function resolveCargo(world: CatalogWorld, input: unknown): Cargo | BusinessFailure {
  if (!Array.isArray(input) || input.length === 0) throw gatewayErrors.param('cargoParamList must be a non-empty JSON array');
  if (input.length > MAX_CARGO_LINES) return fail('ORDER_SKU_LIMIT', `一个订单最多允许${MAX_CARGO_LINES}个SKU，请拆单后提交`);
  const lines: CargoLine[] = [];
  const offers = new Map<number, LiveOffer>();
  for (const raw of input as unknown[]) {
    const cargo = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const offerId = String(cargo.offerId ?? '');
    const quantity = Number(cargo.quantity);
    if (!Number.isInteger(quantity) || quantity < 1) throw gatewayErrors.param(`quantity of offer ${offerId} must be a positive integer`);
    const index = world.indexOf(offerId);
    if (index === null) return fail('500_001', `商品[${offerId}]不存在或不支持网上交易，无法下单`);
    let live = offers.get(index);
    if (!live) {
      live = world.live(index);
      offers.set(index, live);
    }
    if (!live.isOnSale) return fail('500_001', `商品[${offerId}]已下架，无法下单`);
    const sku = live.offer.skus.find((s) => s.specId === cargo.specId);
    if (!sku) return fail('500_003', `规格[${String(cargo.specId)}]不属于商品[${offerId}]`);
    lines.push({ live, sku, quantity });
  }
  const seller = (lines[0] as CargoLine).live.offer.seller;
  const stranger = lines.find((l) => l.live.offer.seller.memberId !== seller.memberId);
  if (stranger) return fail('500_002', `商品[${stranger.live.offer.offerId}]与其他商品不属于同一个卖家`);

  const wanted = new Map<string, { line: CargoLine; total: number }>();
  for (const line of lines) {
    const entry = wanted.get(line.sku.skuId) ?? { line, total: 0 };
    entry.total += line.quantity;
    wanted.set(line.sku.skuId, entry);
  }
  for (const { line, total } of wanted.values()) {
    if (total > line.sku.amountOnSale) return fail('500_004', `商品[${line.live.offer.offerId}_${line.sku.specId}]库存不足，请核实库存后下单`);
  }
  const goodsFen = lines.reduce((sum, l) => sum + l.sku.priceFen * l.quantity, 0);
  // One parcel per order: the seller charges the dearest freight of the offers in it.
  const freightFen = Math.max(...[...offers.values()].map((o) => o.offer.freightFen));
  return { lines, seller, goodsFen, freightFen };
}

export const isFailure = (value: Cargo | BusinessFailure): value is BusinessFailure => 'failure' in value;

const fail = (code: string, message: string): BusinessFailure => ({ failure: { code, message } });
