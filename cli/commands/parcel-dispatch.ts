import { databaseFor } from '@/db/client';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { dispatchParcel, type ParcelDispatchHooks } from '@/lib/shipping-tracking/dispatch-parcel';
import { CliError, usage } from '../errors';
import type { Command } from './index';

/**
 * `ferry parcel dispatch --parcel <parcelNumber>` → `{"parcelNumber","status":"shipped","trackingNumber","carrier"}`.
 * The parcels module hands in how to find its parcel and move it to shipped; the command is then
 * one entry in cli/commands/index.ts: `parcelDispatch(parcelDispatchHooks)`.
 */
export function parcelDispatch(hooks: ParcelDispatchHooks): Command {
  return {
    name: 'parcel dispatch',
    description: 'Dispatch a packed parcel: --parcel <parcelNumber>; allocates the tracking number, registers it with the tracking service, prints {"parcelNumber","status":"shipped","trackingNumber","carrier"}',
    options: { parcel: { type: 'string' } },
    async run(values) {
      const parcelNumber = typeof values.parcel === 'string' ? values.parcel.trim() : '';
      if (!/^[A-Za-z0-9-]{3,40}$/.test(parcelNumber)) usage('parcel dispatch: --parcel <parcelNumber> is required (letters, digits and dashes)');
      try {
        return await dispatchParcel(databaseFor(getEnv().DATABASE_URL), hooks, parcelNumber, { type: 'cli', label: 'ferry parcel dispatch' });
      } catch (error) {
        if (error instanceof AppError) throw new CliError(`parcel dispatch: ${error.message}`);
        throw error;
      }
    },
  };
}
