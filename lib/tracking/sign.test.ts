import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidTrackingSign, signTrackingWebhook } from './sign';

const body = '{"event":"TRACKING_UPDATED","data":{"number":"RR123456789CN"}}';
const key = 'ferry-demo-17track-key';
// `printf '%s' "$body/$key" | sha256sum`
const expected = '4272b14c9ee3a54e1bf3e815e5bd2f5fb0dd5f67c034791e11de48a548d56acb';

describe('17TRACK webhook sign', () => {
  it('is the lowercase hex SHA-256 of body + "/" + key, not an HMAC', () => {
    expect(signTrackingWebhook(body, key)).toBe(expected);
    expect(signTrackingWebhook(body, key)).not.toBe(createHmac('sha256', key).update(body).digest('hex'));
  });

  it('accepts the sign of the exact body and key', () => {
    expect(isValidTrackingSign(body, expected, key)).toBe(true);
  });

  it('refuses another key, a changed body, and a body re-serialized with other spacing', () => {
    expect(isValidTrackingSign(body, expected, 'another-17track-key')).toBe(false);
    expect(isValidTrackingSign(body.replace('RR123456789CN', 'RR123456780CN'), expected, key)).toBe(false);
    expect(isValidTrackingSign(JSON.stringify(JSON.parse(body), null, 1), expected, key)).toBe(false);
  });

  it('refuses a missing, empty, truncated, uppercase or non-hex header without throwing', () => {
    for (const sign of [undefined, null, '', expected.slice(0, 63), expected.toUpperCase(), `${expected}00`, 'z'.repeat(64), ` ${expected.slice(1)}`]) {
      expect(isValidTrackingSign(body, sign, key)).toBe(false);
    }
  });

  it('cannot be satisfied by signing with an empty key', () => {
    expect(isValidTrackingSign(body, signTrackingWebhook(body, ''), key)).toBe(false);
  });
});
