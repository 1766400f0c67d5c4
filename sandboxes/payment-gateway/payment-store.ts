import { BalanceTransactions } from './balance-transactions';
import { ApiError, invalidParam, missingParam, noSuch, unexpectedState, unknownParam } from './api-error';
import type { FormObject, FormValue } from './form-body';
import { buildEvent, newId, unixNow, type Charge, type EventType, type Metadata, type PaymentIntent, type Refund, type StripeEvent } from './stripe-objects';

/** In-memory PaymentIntents, charges and refunds, moved through Stripe's states by the pay page. */
export type Outcome = 'success' | 'decline' | 'slow';
export type OutcomeResult = 'succeeded' | 'failed' | 'processing';

type IntentRecord = { intent: PaymentIntent; returnUrl: string | null; charge: Charge | null };

// Real Stripe parameters Ferry might send; the ones not modelled are accepted and ignored so code
// that works against Stripe works here, while a typo still fails the way Stripe fails it.
const CREATE_PARAMS = new Set(['amount', 'currency', 'metadata', 'description', 'return_url', 'automatic_payment_methods', 'capture_method', 'confirm', 'confirmation_method', 'customer', 'payment_method', 'payment_method_types', 'payment_method_options', 'payment_method_data', 'receipt_email', 'setup_future_usage', 'shipping', 'statement_descriptor', 'statement_descriptor_suffix', 'expand', 'off_session', 'error_on_requires_action', 'mandate', 'use_stripe_sdk', 'transfer_group', 'confirmation_token', 'radar_options']);
const CANCEL_PARAMS = new Set(['cancellation_reason', 'expand']);
const CANCEL_REASONS = new Set(['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned']);
const REFUND_PARAMS = new Set(['payment_intent', 'charge', 'amount', 'metadata', 'reason', 'expand', 'instructions_email', 'origin']);
const REFUND_REASONS = new Set(['duplicate', 'fraudulent', 'requested_by_customer']);
const MAX_AMOUNT = 99_999_999;
const PAYABLE = new Set<PaymentIntent['status']>(['requires_action', 'requires_payment_method']);

export class PaymentStore {
  private readonly intents = new Map<string, IntentRecord>();
  private readonly refunds = new Map<string, Refund>();
  private readonly charges = new Map<string, IntentRecord>();
  private readonly events = new Map<string, StripeEvent>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Every successful charge and refund moves the balance (GET /v1/balance_transactions). */
  readonly balance = new BalanceTransactions();

  constructor(
    private readonly options: { payUrl: (id: string) => string; slowApprovalMs: number; emit: (event: StripeEvent) => void },
  ) {}

  createIntent(params: FormObject): PaymentIntent {
    rejectUnknown(params, CREATE_PARAMS);
    const amount = parseAmount(params.amount, true);
    const currency = optionalString(params, 'currency');
    if (currency === undefined) throw missingParam('currency');
    if (!/^[a-z]{3}$/i.test(currency)) throw invalidParam('currency', `Invalid currency: ${currency.toLowerCase()}.`);
    const metadata = parseMetadata(params.metadata);
    const returnUrl = parseReturnUrl(optionalString(params, 'return_url') ?? metadata.return_url);
    const id = newId('pi');
    const intent: PaymentIntent = {
      id,
      object: 'payment_intent',
      amount,
      amount_capturable: 0,
      amount_received: 0,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic',
      client_secret: `${id}_secret_${newId('x').slice(2)}`,
      confirmation_method: 'automatic',
      created: unixNow(),
      currency: currency.toLowerCase(),
      customer: optionalString(params, 'customer') ?? null,
      description: optionalString(params, 'description') ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata,
      next_action: { type: 'redirect_to_url', redirect_to_url: { url: this.options.payUrl(id), return_url: returnUrl } },
      payment_method: null,
      payment_method_types: ['card'],
      receipt_email: optionalString(params, 'receipt_email') ?? null,
      status: 'requires_action',
    };
    this.intents.set(id, { intent, returnUrl, charge: null });
    return intent;
  }

  getIntent(id: string): PaymentIntent {
    return this.record(id).intent;
  }

  returnUrl(id: string): string | null {
    return this.record(id).returnUrl;
  }

  isPayable(id: string): boolean {
    return PAYABLE.has(this.record(id).intent.status);
  }

  cancelIntent(id: string, params: FormObject): PaymentIntent {
    rejectUnknown(params, CANCEL_PARAMS);
    const { intent } = this.record(id);
    const reason = optionalString(params, 'cancellation_reason') ?? null;
    if (reason !== null && !CANCEL_REASONS.has(reason)) throw invalidParam('cancellation_reason', `Invalid cancellation_reason: ${reason}`);
    if (!PAYABLE.has(intent.status)) {
      throw unexpectedState(`You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_confirmation, requires_action.`);
    }
    Object.assign(intent, { status: 'canceled', canceled_at: unixNow(), cancellation_reason: reason, next_action: null });
    this.emit('payment_intent.canceled', intent);
    return intent;
  }

  /** What the pay page's buttons (and the scripted `/__sandbox` routes) do. */
  settle(id: string, outcome: Outcome): OutcomeResult {
    const record = this.record(id);
    const { intent } = record;
    if (!PAYABLE.has(intent.status)) throw unexpectedState(`This PaymentIntent's status is ${intent.status}; it cannot be paid again.`);
    if (outcome === 'decline') {
      // The hosted page stays the way to try again (Stripe would have the client confirm anew; this
      // sandbox has no confirm), so the shop's "Pay now" after a decline still has somewhere to go.
      Object.assign(intent, {
        status: 'requires_payment_method',
        last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', payment_method: null },
      });
      this.emit('payment_intent.payment_failed', intent);
      return 'failed';
    }
    if (outcome === 'success') {
      this.succeed(record);
      return 'succeeded';
    }
    Object.assign(intent, { status: 'processing', next_action: null, last_payment_error: null });
    this.emit('payment_intent.processing', intent);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (intent.status === 'processing') this.succeed(record);
    }, this.options.slowApprovalMs);
    this.timers.add(timer);
    return 'processing';
  }

  createRefund(params: FormObject): Refund {
    rejectUnknown(params, REFUND_PARAMS);
    const intentId = optionalString(params, 'payment_intent');
    const chargeId = optionalString(params, 'charge');
    if (intentId === undefined && chargeId === undefined) throw missingParam('payment_intent');
    const record = intentId !== undefined ? this.record(intentId) : this.charges.get(chargeId!);
    if (!record) throw noSuch('charge', chargeId!);
    const { intent, charge } = record;
    if (!charge) throw new ApiError(400, 'invalid_request_error', `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, 'charge_not_refundable');
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining === 0) throw new ApiError(400, 'invalid_request_error', `Charge ${charge.id} has already been refunded.`, 'charge_already_refunded');
    const amount = params.amount === undefined ? remaining : parseAmount(params.amount, false);
    if (amount > remaining) {
      throw new ApiError(400, 'invalid_request_error', `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, 'amount_too_large', 'amount');
    }
    const reason = optionalString(params, 'reason') ?? null;
    if (reason !== null && !REFUND_REASONS.has(reason)) throw invalidParam('reason', `Invalid reason: ${reason}`);
    const refund: Refund = {
      id: newId('re'),
      object: 'refund',
      amount,
      charge: charge.id,
      created: unixNow(),
      currency: charge.currency,
      metadata: parseMetadata(params.metadata),
      payment_intent: intent.id,
      reason,
      status: 'succeeded',
    };
    this.refunds.set(refund.id, refund);
    this.balance.recordRefund(refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    this.emit('charge.refunded', charge);
    return refund;
  }

  getRefund(id: string): Refund {
    const refund = this.refunds.get(id);
    if (!refund) throw noSuch('refund', id);
    return refund;
  }

  getEvent(id: string): StripeEvent {
    const event = this.events.get(id);
    if (!event) throw noSuch('event', id);
    return event;
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private succeed(record: IntentRecord): void {
    const { intent } = record;
    const charge: Charge = {
      id: newId('ch'),
      object: 'charge',
      amount: intent.amount,
      amount_captured: intent.amount,
      amount_refunded: 0,
      captured: true,
      created: unixNow(),
      currency: intent.currency,
      description: intent.description,
      livemode: false,
      metadata: { ...intent.metadata },
      paid: true,
      payment_intent: intent.id,
      refunded: false,
      status: 'succeeded',
    };
    record.charge = charge;
    this.charges.set(charge.id, record);
    this.balance.recordCharge(charge);
    Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, latest_charge: charge.id, next_action: null, last_payment_error: null });
    this.emit('payment_intent.succeeded', intent);
  }

  private emit(type: EventType, object: PaymentIntent | Charge): void {
    const event = buildEvent(type, object);
    this.events.set(event.id, event);
    this.options.emit(event);
  }

  private record(id: string): IntentRecord {
    const record = this.intents.get(id);
    if (!record) throw noSuch('payment_intent', id);
    return record;
  }
}

function rejectUnknown(params: FormObject, known: Set<string>): void {
  for (const key of Object.keys(params)) if (!known.has(key)) throw unknownParam(key);
}

function optionalString(params: FormObject, key: string): string | undefined {
  const value = params[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalidParam(key, `Invalid ${key}: must be a string`);
  return value;
}

function parseAmount(value: FormValue | undefined, isRequired: boolean): number {
  if (value === undefined || value === '') {
    if (isRequired) throw missingParam('amount');
    throw invalidParam('amount', 'Invalid integer: ', 'parameter_invalid_integer');
  }
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw invalidParam('amount', `Invalid integer: ${String(value)}`, 'parameter_invalid_integer');
  const amount = Number(value);
  if (amount < 1) throw invalidParam('amount', 'This value must be greater than or equal to 1.', 'parameter_invalid_integer');
  if (amount > MAX_AMOUNT) throw invalidParam('amount', `Amount must be no more than ${MAX_AMOUNT}`, 'amount_too_large');
  return amount;
}

function parseMetadata(value: FormValue | undefined): Metadata {
  // Stripe treats `metadata=` as "no metadata".
  if (value === undefined || value === '') return {};
  if (typeof value === 'string' || Array.isArray(value)) throw invalidParam('metadata', 'Invalid object', 'parameter_invalid_object');
  const entries = Object.entries(value);
  if (entries.length > 50) throw invalidParam('metadata', 'You can specify up to 50 keys.', 'parameter_invalid_object');
  for (const [key, item] of entries) {
    if (typeof item !== 'string') throw invalidParam(`metadata[${key}]`, 'Metadata values must be strings.');
    if (key.length > 40) throw invalidParam(`metadata[${key}]`, 'Metadata keys can be up to 40 characters long.');
    if (item.length > 500) throw invalidParam(`metadata[${key}]`, 'Metadata values can be up to 500 characters long.');
  }
  return Object.fromEntries(entries) as Metadata;
}

function parseReturnUrl(value: string | undefined): string | null {
  if (value === undefined) return null;
  // The pay page redirects here; anything but http(s) would be an open door for `javascript:`.
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) throw invalidParam('return_url', `Not a valid URL: ${value}`, 'url_invalid');
  return value;
}
