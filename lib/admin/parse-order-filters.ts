import 'server-only';
import { z } from 'zod';
import { orderStatuses } from '@/db/schema/orders';
import { gatewayNames } from '@/lib/orders/types';
import { normaliseFilters, type OrderBoardFilters } from './order-filters';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value));

/** A filter the board does not understand is dropped rather than refused: a hand-edited URL still shows orders. */
const schema = z.object({
  status: z.enum(orderStatuses).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  gateway: z.enum(gatewayNames).optional().catch(undefined),
  flagged: z.literal('1').optional().catch(undefined),
  q: z.string().trim().max(254).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

type Input = URLSearchParams | Record<string, string | string[] | undefined>;

export function parseOrderFilters(input: Input): OrderBoardFilters {
  const raw: Record<string, string> = {};
  const entries = input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first.trim() !== '' && !(key in raw)) raw[key] = first;
  }
  const parsed = schema.parse(raw);
  return normaliseFilters({
    status: parsed.status,
    from: parsed.from,
    to: parsed.to,
    gateway: parsed.gateway,
    hasFlaggedPayment: parsed.flagged ? true : undefined,
    q: parsed.q || undefined,
    page: parsed.page,
  });
}
