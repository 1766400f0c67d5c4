import 'server-only';
import { z } from 'zod';
import { ledgerKinds } from '@/db/schema/payments';
import { walletEntryKinds } from '@/db/schema/wallet';
import { firstParam, listQuery } from '@/lib/admin/list-query';
import { parseDay } from '@/lib/finance/reports/period';
import { orderNumberPattern } from '@/lib/orders/order-number';
import { LEDGER_MAX_PAGES, ledgerGateways, ledgerStatuses, ledgerViews, type LedgerFilters, type LedgerView } from './filters';

/** Each issue's message is a key of `admin.ledgerSearch.errors`. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());
const day = z.string().trim().refine((value) => parseDay(value) !== null, 'dayInvalid');

const schema = z
  .object({
    order: optional(z.string().trim().toUpperCase().regex(orderNumberPattern, 'orderInvalid')),
    email: optional(z.string().trim().toLowerCase().max(254, 'emailInvalid').pipe(z.email('emailInvalid'))),
    currency: optional(z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'currencyInvalid')),
    from: optional(day),
    to: optional(day),
    kind: optional(z.string().trim().max(20, 'kindInvalid')),
    tx: optional(z.string().trim().min(3, 'txInvalid').max(100, 'txInvalid').regex(/^[\x21-\x7e]+$/, 'txInvalid')),
    gateway: optional(z.enum(ledgerGateways, { message: 'gatewayInvalid' })),
    status: optional(z.enum(ledgerStatuses, { message: 'statusInvalid' })),
    source: optional(z.string().trim().max(120, 'sourceInvalid')),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.from > value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'rangeReversed' });
  });

export const ledgerFilterFields = ['order', 'email', 'tx', 'source', 'kind', 'gateway', 'status', 'currency', 'from', 'to'] as const;

export type ParsedLedgerQuery =
  | { ok: true; filters: LedgerFilters }
  /** What was typed (to refill the form) and, per field, the message key of its first problem. */
  | { ok: false; view: LedgerView; values: Record<string, string>; errors: Record<string, string> };

const kindsOf: Record<LedgerView, readonly string[]> = { payments: ledgerKinds, wallet: walletEntryKinds };

/**
 * The search's URL query, validated: a filter finance typed wrong is answered with its message (and
 * nothing is searched), never a crash or a silently widened search. Filters of the other view (a
 * gateway on the wallet view) do not apply and are dropped; the page is capped at LEDGER_MAX_PAGES.
 */
export function parseLedgerQuery(query: Record<string, string | string[] | undefined>): ParsedLedgerQuery {
  const { view, page } = listQuery(query, ledgerViews, 'payments');
  const raw: Record<string, string> = {};
  for (const field of ledgerFilterFields) {
    const value = firstParam(query[field]);
    if (value !== undefined) raw[field] = value.slice(0, 300);
  }
  if (view === 'wallet') for (const field of ['tx', 'gateway', 'status'] as const) delete raw[field];
  else delete raw.source;

  const parsed = schema.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  const kind = parsed.success ? parsed.data.kind : undefined;
  if (kind !== undefined && !kindsOf[view].includes(kind)) errors.kind ??= 'kindInvalid';
  if (!parsed.success || Object.keys(errors).length) return { ok: false, view, values: raw, errors };

  const filters = Object.fromEntries(Object.entries({ ...parsed.data, view, page: Math.min(page, LEDGER_MAX_PAGES) }).filter(([, v]) => v !== undefined)) as LedgerFilters;
  return { ok: true, filters };
}
