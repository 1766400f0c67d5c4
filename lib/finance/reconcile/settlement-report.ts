import { fromDecimalString, isIsoCurrency } from '@/lib/money';
import type { GatewayMovement } from './movement';

/**
 * Stripe's "Balance change from activity — itemized" report (balance_change_from_activity.itemized.3)
 * reshaped to movements. Columns are found by header name (Stripe adds and reorders columns between
 * versions); amounts are major-unit decimal strings, turned into minor units by the currency's own
 * exponent (JPY 0, USD 2, KWD 3) through lib/money, never by ×100.
 */
export const REQUIRED_COLUMNS = ['balance_transaction_id', 'created_utc', 'currency', 'gross', 'reporting_category'] as const;

export class SettlementReportError extends Error {}

type Columns = Record<string, number>;

export function columnsOf(header: readonly string[]): Columns {
  const columns: Columns = {};
  header.forEach((name, at) => {
    const key = name.trim().toLowerCase();
    if (key && columns[key] === undefined) columns[key] = at;
  });
  const missing = REQUIRED_COLUMNS.filter((name) => columns[name] === undefined);
  if (missing.length) throw new SettlementReportError(`the settlement report lacks the column(s) ${missing.join(', ')}`);
  return columns;
}

/** `2026-12-06 10:15:42` (Stripe's UTC column) or an ISO timestamp. */
function parseUtc(text: string, line: number): Date {
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(text) ? `${text.replace(' ', 'T')}Z` : text;
  const at = new Date(iso);
  if (!text || Number.isNaN(at.getTime())) throw new SettlementReportError(`line ${line}: created_utc "${text}" is not a UTC time`);
  return at;
}

function minorOf(text: string, currency: string, column: string, line: number): number {
  try {
    return fromDecimalString(text.trim() === '' ? '0' : text.trim(), currency as Parameters<typeof fromDecimalString>[1]).amountMinor;
  } catch (error) {
    throw new SettlementReportError(`line ${line}: ${column} "${text}": ${(error as Error).message}`);
  }
}

function currencyOf(text: string, column: string, line: number): string {
  const code = text.trim().toUpperCase();
  if (!isIsoCurrency(code)) throw new SettlementReportError(`line ${line}: ${column} "${text}" is not a currency code`);
  return code;
}

/** One report row (after the header) as a movement; `line` is its record number for messages. */
export function movementOfRow(row: readonly string[], columns: Columns, line: number): GatewayMovement {
  const cell = (name: string) => {
    const at = columns[name];
    return at === undefined ? '' : (row[at] ?? '').trim();
  };
  const id = cell('balance_transaction_id');
  if (!id) throw new SettlementReportError(`line ${line}: balance_transaction_id is empty`);
  const currency = currencyOf(cell('currency'), 'currency', line);
  const amountMinor = minorOf(cell('gross'), currency, 'gross', line);
  const feeMinor = minorOf(cell('fee'), currency, 'fee', line);
  const category = cell('reporting_category') || 'unknown';
  // A converted payment: what the payer paid is the customer-facing amount, in its own currency.
  const facingCurrency = cell('customer_facing_currency');
  const facingAmount = cell('customer_facing_amount');
  let presentment = { amountMinor, currency };
  if (facingCurrency && facingAmount && facingCurrency.toUpperCase() !== currency) {
    const code = currencyOf(facingCurrency, 'customer_facing_currency', line);
    presentment = { amountMinor: minorOf(facingAmount, code, 'customer_facing_amount', line), currency: code };
  }
  const sourceId = cell('source_id') || null;
  return {
    id,
    category,
    createdAt: parseUtc(cell('created_utc'), line),
    amountMinor,
    feeMinor,
    currency,
    presentment,
    chargeId: cell('charge_id') || (sourceId?.startsWith('ch_') || sourceId?.startsWith('py_') ? sourceId : null),
    paymentIntentId: cell('payment_intent_id') || null,
    sourceId,
  };
}

/** All movements of a report, from its records (header first). */
export async function* settlementMovements(records: AsyncIterable<string[]>): AsyncGenerator<GatewayMovement> {
  let columns: Columns | null = null;
  let line = 0;
  for await (const record of records) {
    line++;
    if (!columns) {
      columns = columnsOf(record);
      continue;
    }
    yield movementOfRow(record, columns, line);
  }
  if (!columns) throw new SettlementReportError('the settlement report is empty (no header line)');
}
