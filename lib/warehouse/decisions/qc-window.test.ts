import { describe, expect, it } from 'vitest';
import { autoAcceptAt, isAutoAcceptDue, qcCutoffs, warningDueAt } from './qc-window';

const H = 3_600_000;
const ready = new Date('2026-12-01T10:00:00Z');
const window = { decisionHours: 72, warningHours: 24 };
const at = (hours: number) => new Date(ready.getTime() + hours * H);

describe('the QC decision window', () => {
  it('warns warningHours before the window closes', () => {
    expect(warningDueAt(ready, window)).toEqual(at(48));
  });

  it('warns at once when the warning is longer than the window', () => {
    expect(warningDueAt(ready, { decisionHours: 12, warningHours: 24 })).toEqual(ready);
  });

  it('accepts when the window closes if the warning went out on time', () => {
    expect(autoAcceptAt(ready, at(48), window)).toEqual(at(72));
    expect(isAutoAcceptDue(ready, at(48), window, at(72))).toBe(true);
    expect(isAutoAcceptDue(ready, at(48), window, new Date(at(72).getTime() - 1))).toBe(false);
  });

  it('never accepts without a warning, however late it is', () => {
    expect(isAutoAcceptDue(ready, null, window, at(10_000))).toBe(false);
  });

  it('waits warningHours after a late warning', () => {
    // The job was down: the warning went out at hour 70, so the shopper keeps a full day.
    expect(autoAcceptAt(ready, at(70), window)).toEqual(at(94));
    expect(isAutoAcceptDue(ready, at(70), window, at(80))).toBe(false);
    expect(isAutoAcceptDue(ready, at(70), window, at(94))).toBe(true);
  });

  it('does not count a warning of an earlier window (sent before the photos were ready again)', () => {
    expect(isAutoAcceptDue(ready, new Date(ready.getTime() - H), window, at(1000))).toBe(false);
  });

  it('gives the job SQL bounds that agree with the arithmetic', () => {
    const now = at(100);
    const cutoffs = qcCutoffs(window, now);
    expect(cutoffs.warnReadyBefore).toEqual(at(52));
    expect(cutoffs.acceptReadyBefore).toEqual(at(28));
    expect(cutoffs.acceptWarnedBefore).toEqual(at(76));
  });
});
