import { AppError } from '@/lib/errors';
import type { Settings } from '@/lib/settings/definitions';
import type { Customer } from './types';

/** How much one account or partner key may hold in orders nobody has paid (or staff confirmed) yet. */
export type UnpaidCaps = { maxOrders: number; maxUnits: number };

/** What an account or partner key holds now: its `pending` orders and their units. */
export type UnpaidLoad = { orders: number; units: number };

export function unpaidCapsFor(settings: Settings, customer: Customer): UnpaidCaps {
  return customer.type === 'partner'
    ? { maxOrders: settings['checkout.maxUnpaidOrdersPerPartner'], maxUnits: settings['checkout.maxHeldUnitsPerPartner'] }
    : { maxOrders: settings['checkout.maxUnpaidOrdersPerAccount'], maxUnits: settings['checkout.maxHeldUnitsPerAccount'] };
}

/**
 * Whether one more order of `units` units stays within the caps; the refusal to show if not. The
 * orders cap is checked first: a shopper at it must pay (or let expire) an order whatever its size.
 */
export function checkUnpaidCaps(load: UnpaidLoad, units: number, caps: UnpaidCaps): AppError | null {
  if (load.orders + 1 > caps.maxOrders) {
    return new AppError(
      'too_many_unpaid_orders',
      `${load.orders} orders are already waiting for payment or confirmation, the most allowed is ${caps.maxOrders}: pay or cancel one first`,
      { open: load.orders, limit: caps.maxOrders },
    );
  }
  if (load.units + units > caps.maxUnits) {
    return new AppError(
      'too_many_held_units',
      `Unpaid orders already hold ${load.units} units; ${units} more would pass the limit of ${caps.maxUnits}: pay an open order first`,
      { held: load.units, adding: units, limit: caps.maxUnits },
    );
  }
  return null;
}
