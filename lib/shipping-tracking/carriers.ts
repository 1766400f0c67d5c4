import { randomInt } from 'node:crypto';

/**
 * The carriers Ferry hands international parcels to, and how their tracking numbers are made.
 * China Post numbers follow the UPU S10 standard (two service letters, eight serial digits, a
 * mod-11 check digit, the country); YunExpress numbers are `YT`, fifteen digits and a Luhn
 * (mod-10) check digit. `key` is the carrier's 17TRACK code, sent on register so 17TRACK does not
 * have to guess it.
 */
export type CarrierId = 'china-post' | 'yunexpress';

type Carrier = { id: CarrierId; name: string; key: number; make(serial: string): string; serialDigits: number; pattern: RegExp };

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** UPU S10 check digit of eight serial digits: 11 − (weighted sum mod 11), with 10 → 0 and 11 → 5. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new Error('an S10 serial is eight digits');
  const sum = [...serial].reduce((total, digit, i) => total + Number(digit) * S10_WEIGHTS[i]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** Luhn check digit for a string of digits (the digit that makes the whole pass the Luhn test). */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new Error('Luhn needs digits');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // From the right of the payload, every first digit is doubled (the check digit will sit right of it).
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export const carriers: Record<CarrierId, Carrier> = {
  'china-post': {
    id: 'china-post',
    name: 'China Post',
    key: 3011,
    serialDigits: 8,
    make: (serial) => `LX${serial}${s10CheckDigit(serial)}CN`,
    pattern: /^LX\d{9}CN$/,
  },
  yunexpress: {
    id: 'yunexpress',
    name: 'YunExpress',
    key: 190008,
    serialDigits: 15,
    make: (serial) => `YT${serial}${luhnCheckDigit(serial)}`,
    pattern: /^YT\d{16}$/,
  },
};

export const carrierIds = Object.keys(carriers) as CarrierId[];

export function isCarrierId(value: unknown): value is CarrierId {
  return typeof value === 'string' && Object.hasOwn(carriers, value);
}

/** A fresh number for the carrier from a random serial; uniqueness is the shipments table's index (the caller retries a clash). */
export function makeTrackingNumber(carrier: CarrierId, random: (digits: number) => string = randomDigits): string {
  const spec = carriers[carrier];
  return spec.make(random(spec.serialDigits));
}

/** Whether `number` is well formed for the carrier, check digit included (catches a mistyped digit). */
export function isValidTrackingNumber(carrier: CarrierId, number: string): boolean {
  const spec = carriers[carrier];
  if (!spec.pattern.test(number)) return false;
  const serial = number.slice(2, 2 + spec.serialDigits);
  return spec.make(serial) === number;
}

function randomDigits(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(randomInt(10));
  return out;
}
