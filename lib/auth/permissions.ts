import type { Role } from '@/db/schema/accounts';

/**
 * Role → permission table. Every action, read and route handler asks `can(role, permission)`
 * (through `requirePermission`), never `role === …`.
 */
export const permissions = [
  'orders:read',
  'orders:cancel',
  /** Confirm (or reject) a cash-on-delivery order after checking it with the shopper. */
  'orders:confirm_cod',
  'orders:purchase',
  'orders:warehouse',
  /** Parcels sellers sent that the warehouse expects (/admin/inbound), late ones with the seller to chase. */
  'inbound:read',
  /** The parcel board (/admin/parcels): every parcel, its items and bins. */
  'parcels:read',
  /** Pack a paid parcel: weigh and measure it, which settles the difference with the estimate. */
  'parcels:pack',
  /** Mark a carrier's problem on the board's exceptions tab (lost, refused, failed delivery…) as handled, with a note. */
  'parcels:exceptions',
  'orders:refund',
  /** Returns the shopper asked for after QC (/admin/returns): record the seller's answer, refund the returned item. */
  'orders:returns',
  'payments:read',
  /** Shoppers' wallets (/admin/wallets): balances and history. */
  'wallet:read',
  /** A manual wallet adjustment (with a reason, audited): money moved by hand, finance and admin only. */
  'wallet:adjust',
  /** Explain a difference the daily reconciliation found (/admin/finance/reconciliation): finance and admin. */
  'finance:reconcile',
  'stock:write',
  'catalog:sync',
  /** Say by hand what a product is for shipping (battery, liquid…) when its listing reads wrong: purchasers and the warehouse. */
  'catalog:goods',
  'outbox:read',
  /** The event relay's deliveries to subscribers (/admin/events); retrying a dead one is `events:retry`. */
  'events:read',
  'events:retry',
  'partner-keys:manage',
  'users:manage',
  /** The agent's tunable settings (time windows, caps): admin only. */
  'settings:manage',
  /** Shipping lines (/admin/shipping/lines): destinations, prices, limits, refused goods; admin only. */
  'shipping:manage',
  'admin:access',
] as const;
export type Permission = (typeof permissions)[number];

const staffBase: Permission[] = ['admin:access', 'orders:read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  customer: [],
  purchaser: [...staffBase, 'orders:purchase', 'stock:write', 'catalog:sync', 'catalog:goods', 'inbound:read'],
  warehouse: [...staffBase, 'orders:warehouse', 'catalog:goods', 'inbound:read', 'parcels:read', 'parcels:pack'],
  service: [...staffBase, 'parcels:read', 'parcels:exceptions', 'orders:cancel', 'orders:confirm_cod', 'orders:returns', 'outbox:read', 'events:read'],
  finance: [...staffBase, 'orders:refund', 'payments:read', 'wallet:read', 'wallet:adjust', 'finance:reconcile'],
  admin: [...permissions],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

export function isStaff(role: Role): boolean {
  return can(role, 'admin:access');
}
