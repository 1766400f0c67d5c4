import { describe, expect, it } from 'vitest';
import { decideTrackingUpdate, isNewerEventTime } from './decide-update';

const t = (iso: string) => new Date(iso);
const stored = (latestEventAt: string | null, isStopped = false) => ({ latestEventAt: latestEventAt ? t(latestEventAt) : null, isStopped });
const updated = (latestEventAt: string | null) => ({ event: 'TRACKING_UPDATED' as const, latestEventAt: latestEventAt ? t(latestEventAt) : null });
const stopped = (latestEventAt: string | null) => ({ event: 'TRACKING_STOPPED' as const, latestEventAt: latestEventAt ? t(latestEventAt) : null });

describe('decideTrackingUpdate', () => {
  it('applies the first update that carries an event, and nothing before the carrier reported one', () => {
    expect(decideTrackingUpdate(null, updated('2025-03-01T10:00:00Z'))).toEqual({ isNewer: true, stops: false });
    expect(decideTrackingUpdate(stored(null), updated('2025-03-01T10:00:00Z'))).toEqual({ isNewer: true, stops: false });
    expect(decideTrackingUpdate(stored(null), updated(null))).toEqual({ isNewer: false, stops: false });
  });

  it('lets only a strictly newer latest event win: a duplicate or an older late copy changes nothing', () => {
    const now = stored('2025-03-02T08:00:00Z');
    expect(decideTrackingUpdate(now, updated('2025-03-02T08:00:01Z')).isNewer).toBe(true);
    expect(decideTrackingUpdate(now, updated('2025-03-02T08:00:00Z')).isNewer).toBe(false);
    expect(decideTrackingUpdate(now, updated('2025-03-01T23:59:59Z')).isNewer).toBe(false);
    expect(decideTrackingUpdate(now, updated(null)).isNewer).toBe(false);
  });

  it('compares instants, not the local clock text (the same moment in two zones is a tie)', () => {
    expect(decideTrackingUpdate(stored('2025-03-02T08:00:00Z'), updated('2025-03-02T16:00:00+08:00')).isNewer).toBe(false);
    expect(decideTrackingUpdate(stored('2025-03-02T08:00:00Z'), updated('2025-03-02T02:59:59-05:00')).isNewer).toBe(false);
    // 15:30 in Shenzhen reads later than 08:00, yet it is half an hour earlier.
    expect(decideTrackingUpdate(stored('2025-03-02T08:00:00Z'), updated('2025-03-02T15:30:00+08:00')).isNewer).toBe(false);
    expect(decideTrackingUpdate(stored('2025-03-02T08:00:00Z'), updated('2025-03-02T02:30:00-06:00')).isNewer).toBe(true);
  });

  it('stops once, keeping what is stored readable; a stop with newer events also applies them', () => {
    expect(decideTrackingUpdate(stored('2025-03-02T08:00:00Z'), stopped('2025-03-02T08:00:00Z'))).toEqual({ isNewer: false, stops: true });
    expect(decideTrackingUpdate(stored('2025-03-02T08:00:00Z'), stopped(null))).toEqual({ isNewer: false, stops: true });
    expect(decideTrackingUpdate(stored('2025-03-02T08:00:00Z'), stopped('2025-03-03T08:00:00Z'))).toEqual({ isNewer: true, stops: true });
    expect(decideTrackingUpdate(stored('2025-03-02T08:00:00Z', true), stopped('2025-03-02T08:00:00Z'))).toEqual({ isNewer: false, stops: false });
  });

  it('never un-stops: a late update after the stop is judged by time alone', () => {
    expect(decideTrackingUpdate(stored('2025-03-02T08:00:00Z', true), updated('2025-03-01T08:00:00Z'))).toEqual({ isNewer: false, stops: false });
  });

  it('treats an invalid date as no time at all', () => {
    expect(isNewerEventTime(null, new Date('not a date'))).toBe(false);
    expect(isNewerEventTime(t('2025-01-01T00:00:00Z'), new Date(Number.NaN))).toBe(false);
  });

  it('moves to Expired on 17TRACK’s verdict, which ties on the newest event time, once and never over a delivery', () => {
    const at = '2025-03-02T08:00:00Z';
    const expired = { ...updated(at), status: 'Expired' as const };
    expect(decideTrackingUpdate({ ...stored(at), status: 'InTransit' }, expired).isNewer).toBe(true);
    expect(decideTrackingUpdate({ ...stored(at), status: 'Expired' }, expired).isNewer).toBe(false);
    expect(decideTrackingUpdate({ ...stored(at), status: 'Delivered' }, expired).isNewer).toBe(false);
    expect(decideTrackingUpdate({ ...stored(at), status: 'InTransit' }, { ...updated('2025-03-01T08:00:00Z'), status: 'Expired' }).isNewer).toBe(false);
    // The earlier status arriving late, tying too, does not undo it.
    expect(decideTrackingUpdate({ ...stored(at), status: 'Expired' }, { ...updated(at), status: 'InTransit' }).isNewer).toBe(false);
  });
});
