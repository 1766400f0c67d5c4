import 'server-only';
import { z } from 'zod';

/**
 * `PURCHASING_AUTO` (default `1`): the background job buys queued lines by itself; `0` leaves every
 * line for a purchaser to buy from the board. `PURCHASING_GROUPS_PER_TICK` (default 20) bounds how
 * many upstream orders one tick of one server makes, so a long queue is worked off over a few ticks.
 */
const schema = z.object({
  PURCHASING_AUTO: z.enum(['0', '1']).default('1'),
  PURCHASING_GROUPS_PER_TICK: z.coerce.number().int().min(1).max(500).default(20),
});

export type PurchasingSettings = { isAuto: boolean; groupsPerTick: number };

export function purchasingSettings(source: Record<string, string | undefined> = process.env): PurchasingSettings {
  const result = schema.safeParse({
    PURCHASING_AUTO: source.PURCHASING_AUTO || undefined,
    PURCHASING_GROUPS_PER_TICK: source.PURCHASING_GROUPS_PER_TICK || undefined,
  });
  if (!result.success) throw new Error(`Invalid purchasing settings: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { isAuto: result.data.PURCHASING_AUTO === '1', groupsPerTick: result.data.PURCHASING_GROUPS_PER_TICK };
}
