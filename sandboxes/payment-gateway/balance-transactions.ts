import { ApiError, invalidParam, noSuch, unknownParam } from './api-error';
import type { FormObject, FormValue } from './form-body';
import { newId, unixNow, type Charge, type Refund } from './stripe-objects';

/**
 * The balance: one `balance_transaction` per money movement, as Stripe lists them under
 * `GET /v1/balance_transactions`. Like Stripe, `source` is the charge (`ch_…`) or refund (`re_…`)
 * that moved the money, not the PaymentIntent; `expand[]=data.source` swaps the id for the object,
 * whose `payment_intent` is what Ferry's ledger names a charge by.
 */
export type FeeDetail = { amount: number; application: null; currency: string; description: string; type: 'stripe_fee' };

export type BalanceTransaction = {
  id: string;
  object: 'balance_transaction';
  amount: number;
  available_on: number;
  created: number;
  currency: string;
  description: string | null;
  exchange_rate: null;
  fee: number;
  fee_details: FeeDetail[];
  net: number;
  reporting_category: string;
  source: string | null;
  status: 'available' | 'pending';
  type: string;
};

/** A planted movement (`POST /__sandbox/balance_transactions`): what a test needs to say, nothing more. */
export type PlantedMovement = {
  reporting_category?: string;
  type?: string;
  amount: number;
  currency: string;
  created?: number;
  fee?: number;
  description?: string;
  payment_intent?: string;
  charge?: string;
  metadata?: Record<string, string>;
};

type Entry = { txn: BalanceTransaction; seq: number; source: Charge | Refund | null };

const LIST_PARAMS = new Set(['created', 'limit', 'starting_after', 'ending_before', 'expand', 'type', 'source', 'currency', 'payout']);
const RANGE_KEYS = new Set(['gt', 'gte', 'lt', 'lte']);
// Stripe's zero-decimal currencies: their fixed fee part is 0 (the percentage carries it).
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
const DAY = 86_400;

/** Stripe's standard card pricing: 2.9% + 30 minor units (no fixed part in zero-decimal currencies). */
export function cardFee(amount: number, currency: string): number {
  return Math.round(amount * 0.029) + (ZERO_DECIMAL.has(currency) ? 0 : 30);
}

export class BalanceTransactions {
  private readonly entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private seq = 0;
  private isSorted = true;

  recordCharge(charge: Charge): BalanceTransaction {
    const fee = cardFee(charge.amount, charge.currency);
    return this.add({ type: 'charge', category: 'charge', amount: charge.amount, fee, currency: charge.currency, created: charge.created, description: charge.description, source: charge });
  }

  recordRefund(refund: Refund): BalanceTransaction {
    // Stripe keeps the original fee on a refund: the refund's own fee is 0.
    return this.add({ type: 'refund', category: 'refund', amount: -refund.amount, fee: 0, currency: refund.currency, created: refund.created, description: null, source: refund });
  }

  /** Test control: a movement only the gateway knows of, with a made-up charge or refund as its source. */
  plant(movement: PlantedMovement): BalanceTransaction {
    if (!Number.isInteger(movement.amount)) throw invalidParam('amount', 'amount must be an integer of minor units');
    if (typeof movement.currency !== 'string' || !/^[a-z]{3}$/i.test(movement.currency)) throw invalidParam('currency', 'currency must be a three-letter code');
    const currency = movement.currency.toLowerCase();
    const category = movement.reporting_category ?? movement.type ?? (movement.amount < 0 ? 'refund' : 'charge');
    const type = movement.type ?? category;
    const created = movement.created ?? unixNow();
    const metadata = movement.metadata ?? {};
    let source: Charge | Refund | null = null;
    if (category === 'charge') {
      source = {
        id: movement.charge ?? newId('ch'),
        object: 'charge',
        amount: movement.amount,
        amount_captured: movement.amount,
        amount_refunded: 0,
        captured: true,
        created,
        currency,
        description: movement.description ?? null,
        livemode: false,
        metadata,
        paid: true,
        payment_intent: movement.payment_intent ?? newId('pi'),
        refunded: false,
        status: 'succeeded',
      };
    } else if (category === 'refund') {
      source = {
        id: newId('re'),
        object: 'refund',
        amount: Math.abs(movement.amount),
        charge: movement.charge ?? newId('ch'),
        created,
        currency,
        metadata,
        payment_intent: movement.payment_intent ?? newId('pi'),
        reason: null,
        status: 'succeeded',
      };
    }
    const fee = movement.fee ?? (category === 'charge' ? cardFee(movement.amount, currency) : 0);
    return this.add({ type, category, amount: movement.amount, fee, currency, created, description: movement.description ?? null, source });
  }

  /** Test control: the gateway's own figure differs from what Ferry recorded (a wrong amount, another currency). */
  alter(id: string, change: { amount?: number; currency?: string }): BalanceTransaction {
    const entry = this.byId.get(id);
    if (!entry) throw noSuch('balance_transaction', id);
    const { txn } = entry;
    if (change.amount !== undefined) {
      if (!Number.isInteger(change.amount)) throw invalidParam('amount', 'amount must be an integer of minor units');
      txn.amount = change.amount;
      txn.net = txn.amount - txn.fee;
    }
    if (change.currency !== undefined) {
      if (!/^[a-z]{3}$/i.test(change.currency)) throw invalidParam('currency', 'currency must be a three-letter code');
      txn.currency = change.currency.toLowerCase();
      for (const detail of txn.fee_details) detail.currency = txn.currency;
    }
    return txn;
  }

  /** `GET /v1/balance_transactions`: newest first, `limit` 1–100 (default 10), cursor by `starting_after`/`ending_before`. */
  list(query: FormObject): { object: 'list'; data: unknown[]; has_more: boolean; url: string } {
    for (const key of Object.keys(query)) if (!LIST_PARAMS.has(key)) throw unknownParam(key);
    const limit = query.limit === undefined ? 10 : Number(query.limit);
    if (typeof query.limit === 'object' || !Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw invalidParam('limit', 'This value must be less than or equal to 100 (it currently is ' + String(query.limit) + ').', 'parameter_invalid_integer');
    }
    const range = createdRange(query.created);
    const expand = expandList(query.expand);
    const isExpanded = expand.includes('data.source');
    for (const path of expand) if (path !== 'data.source') throw invalidParam('expand', `This property cannot be expanded (${path}).`);
    const type = scalar(query, 'type');
    const source = scalar(query, 'source');
    const currency = scalar(query, 'currency')?.toLowerCase();
    const after = scalar(query, 'starting_after');
    const before = scalar(query, 'ending_before');
    this.sort();
    const matches = (e: Entry) =>
      e.txn.created >= range.from && e.txn.created < range.to && (type === undefined || e.txn.type === type) && (source === undefined || e.txn.source === source) && (currency === undefined || e.txn.currency === currency);
    // Entries are kept oldest first; the list reads them backwards (newest first).
    let start = this.entries.length - 1;
    let step = -1;
    if (after !== undefined) start = this.indexOf(after) - 1;
    else if (before !== undefined) {
      start = this.indexOf(before) + 1;
      step = 1;
    } else start = Math.min(start, this.lastIndexBefore(range.to));
    const page: Entry[] = [];
    let hasMore = false;
    for (let i = start; i >= 0 && i < this.entries.length; i += step) {
      const entry = this.entries[i]!;
      if (step === -1 && entry.txn.created < range.from) break;
      if (!matches(entry)) continue;
      if (page.length === limit) {
        hasMore = true;
        break;
      }
      page.push(entry);
    }
    if (step === 1) page.reverse();
    const data = page.map((e) => (isExpanded && e.source ? { ...e.txn, source: e.source } : e.txn));
    return { object: 'list', data, has_more: hasMore, url: '/v1/balance_transactions' };
  }

  get(id: string): BalanceTransaction {
    const entry = this.byId.get(id);
    if (!entry) throw noSuch('balance_transaction', id);
    return entry.txn;
  }

  private add(m: { type: string; category: string; amount: number; fee: number; currency: string; created: number; description: string | null; source: Charge | Refund | null }): BalanceTransaction {
    // Card funds become available two days later at midnight UTC, as on a standard Stripe schedule.
    const availableOn = (Math.floor(m.created / DAY) + 2) * DAY;
    const txn: BalanceTransaction = {
      id: newId('txn'),
      object: 'balance_transaction',
      amount: m.amount,
      available_on: availableOn,
      created: m.created,
      currency: m.currency,
      description: m.description,
      exchange_rate: null,
      fee: m.fee,
      fee_details: m.fee ? [{ amount: m.fee, application: null, currency: m.currency, description: 'Stripe processing fees', type: 'stripe_fee' }] : [],
      net: m.amount - m.fee,
      reporting_category: m.category,
      source: m.source?.id ?? null,
      status: availableOn <= unixNow() ? 'available' : 'pending',
      type: m.type,
    };
    const entry: Entry = { txn, seq: this.seq++, source: m.source };
    const last = this.entries.at(-1);
    if (last && last.txn.created > txn.created) this.isSorted = false;
    this.entries.push(entry);
    this.byId.set(txn.id, entry);
    return txn;
  }

  private sort(): void {
    if (this.isSorted) return;
    this.entries.sort((a, b) => a.txn.created - b.txn.created || a.seq - b.seq);
    this.isSorted = true;
  }

  private indexOf(id: string): number {
    const entry = this.byId.get(id);
    if (!entry) throw noSuch('balance_transaction', id);
    // Binary search on (created, seq): the list is sorted and ids are not.
    let lo = 0;
    let hi = this.entries.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = this.entries[mid]!;
      const order = e.txn.created - entry.txn.created || e.seq - entry.seq;
      if (order === 0) return mid;
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    throw noSuch('balance_transaction', id);
  }

  /** The index of the last entry created before `to` (the newest a range ending at `to` may show). */
  private lastIndexBefore(to: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entries[mid]!.txn.created < to) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}

function scalar(query: FormObject, key: string): string | undefined {
  const value = query[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalidParam(key, `Invalid ${key}: must be a string`);
  return value;
}

function expandList(value: FormValue | undefined): string[] {
  if (value === undefined) return [];
  // `expand[]=…` parses as a list, `expand[0]=…` (what the SDK sends) as an object with digit keys.
  const items = Array.isArray(value) ? value : typeof value === 'object' ? Object.values(value) : [value];
  return items.map((item) => {
    if (typeof item !== 'string') throw invalidParam('expand', 'Invalid array');
    return item;
  });
}

/** `created` as a number or `created[gte|gt|lt|lte]`; the half-open range [from, to) of unix seconds. */
function createdRange(value: FormValue | undefined): { from: number; to: number } {
  if (value === undefined) return { from: -Infinity, to: Infinity };
  const int = (text: FormValue, param: string) => {
    if (typeof text !== 'string' || !/^\d+$/.test(text)) throw invalidParam(param, `Invalid integer: ${String(text)}`, 'parameter_invalid_integer');
    return Number(text);
  };
  if (typeof value === 'string') {
    const at = int(value, 'created');
    return { from: at, to: at + 1 };
  }
  if (Array.isArray(value)) throw invalidParam('created', 'Invalid created');
  let from = -Infinity;
  let to = Infinity;
  for (const [key, text] of Object.entries(value)) {
    if (!RANGE_KEYS.has(key)) throw unknownParam(`created[${key}]`);
    const n = int(text, `created[${key}]`);
    if (key === 'gte') from = Math.max(from, n);
    if (key === 'gt') from = Math.max(from, n + 1);
    if (key === 'lt') to = Math.min(to, n);
    if (key === 'lte') to = Math.min(to, n + 1);
  }
  return { from, to };
}

export function plantedMovements(body: unknown): PlantedMovement[] {
  const list = (body as { transactions?: unknown })?.transactions;
  if (!Array.isArray(list)) throw new ApiError(400, 'invalid_request_error', 'Send {"transactions":[{amount,currency,…}]}.');
  return list as PlantedMovement[];
}
