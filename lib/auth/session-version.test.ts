import { describe, expect, it } from 'vitest';
import { isCurrentSession } from './session-version';

describe('isCurrentSession', () => {
  it('accepts only the version the user has now', () => {
    expect(isCurrentSession(0, 0)).toBe(true);
    expect(isCurrentSession(4, 4)).toBe(true);
    // A reset or "sign out everywhere" moved the user on: older tokens are refused.
    expect(isCurrentSession(3, 4)).toBe(false);
    expect(isCurrentSession(5, 4)).toBe(false);
  });

  it('treats a token without the claim as version 0 and anything malformed as stale', () => {
    expect(isCurrentSession(undefined, 0)).toBe(true);
    expect(isCurrentSession(undefined, 1)).toBe(false);
    for (const bad of [null, '0', 0.5, -1, Number.NaN, {}]) expect(isCurrentSession(bad, 0)).toBe(false);
  });
});
