/**
 * UI messages are split by area so each part of the product owns its own file:
 * `messages/<locale>.json` (storefront) and `messages/<area>/<locale>.json`. Each area file holds
 * top-level namespaces of its own; namespaces never repeat across files.
 */
export const messageAreas = ['account', 'checkout', 'admin', 'suppliers', 'purchasing', 'sync', 'warehouse', 'wallet', 'shipping', 'parcels', 'tracking'] as const;
