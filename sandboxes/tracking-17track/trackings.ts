import { breakJourney, planJourney, statusOf, type BreakKind, type Journey, type JourneyStep, type TrackingStatus } from './journey';
import type { Carrier } from './places';
import type { SimClock } from './sim-clock';

/**
 * Every registered number and how far its journey has played. Steps fall due on the simulated
 * clock (`tick`, called a few times a second) or are forced through the control API; each change
 * is announced once to `onChange` (the webhook publisher), however many steps it played.
 */
export type PlayedEvent = { step: JourneyStep; at: number };

export type Tracking = {
  number: string;
  carrier: Carrier;
  tag: string | null;
  param: string | null;
  journey: Journey;
  registeredAt: number;
  played: PlayedEvent[];
  pending: JourneyStep[];
  /** Simulated time of the last step (or of registration): the next step is due `afterHours` later. */
  lastStepSim: number;
  isStopped: boolean;
  hasRetracked: boolean;
  /**
   * 17TRACK gave up waiting for news (control API `break` kind `expired`): the latest status reads
   * `Expired` / `Expired_Other` while the events, and the latest event, stay what they were — 17TRACK
   * adds no carrier event for it. Cleared by a retrack.
   */
  isExpired: boolean;
};

export type ChangeKind = 'TRACKING_UPDATED' | 'TRACKING_STOPPED';

export class TrackingError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const HOUR_MS = 3_600_000;

export class TrackingBook {
  private readonly trackings = new Map<string, Tracking>();
  private readonly listeners: ((tracking: Tracking, kind: ChangeKind) => void)[] = [];

  constructor(
    private readonly clock: SimClock,
    private readonly wallNow: () => number = Date.now,
  ) {}

  onChange(listener: (tracking: Tracking, kind: ChangeKind) => void): void {
    this.listeners.push(listener);
  }

  get size(): number {
    return this.trackings.size;
  }

  get(number: string): Tracking | undefined {
    return this.trackings.get(key(number));
  }

  all(): Tracking[] {
    return [...this.trackings.values()];
  }

  has(number: string): boolean {
    return this.trackings.has(key(number));
  }

  register(input: { number: string; carrier: Carrier; tag: string | null; param: string | null }): Tracking {
    const tracking: Tracking = {
      ...input,
      journey: planJourney(input.number, input.carrier),
      registeredAt: this.wallNow(),
      played: [],
      pending: [],
      lastStepSim: this.clock.now(),
      isStopped: false,
      hasRetracked: false,
      isExpired: false,
    };
    tracking.pending = [...tracking.journey.steps];
    this.trackings.set(key(input.number), tracking);
    return tracking;
  }

  stop(tracking: Tracking): void {
    tracking.isStopped = true;
    this.emit(tracking, 'TRACKING_STOPPED');
  }

  retrack(tracking: Tracking): void {
    tracking.isStopped = false;
    tracking.hasRetracked = true;
    tracking.isExpired = false;
    tracking.lastStepSim = this.clock.now();
  }

  /** Plays `steps` steps now, or every step up to the first with status `to`. Returns the steps played. */
  advance(tracking: Tracking, target: { steps: number } | { to: TrackingStatus }): number {
    if (tracking.isStopped) throw new TrackingError(409, `${tracking.number} is stopped: retrack it first`);
    let count: number;
    if ('steps' in target) count = Math.min(target.steps, tracking.pending.length);
    else {
      const index = tracking.pending.findIndex((step) => statusOf(step.subStatus) === target.to);
      if (index < 0) throw new TrackingError(409, `${tracking.number} has no ${target.to} step left (${tracking.pending.length} steps left, now ${latestStatus(tracking)})`);
      count = index + 1;
    }
    for (let i = 0; i < count; i++) this.play(tracking);
    if (count > 0) this.emit(tracking, 'TRACKING_UPDATED');
    return count;
  }

  /** Forces a mishap now (control API): see breakJourney. */
  break(tracking: Tracking, kind: BreakKind, subStatus?: string): void {
    if (tracking.isStopped) throw new TrackingError(409, `${tracking.number} is stopped: retrack it first`);
    const last = tracking.played.at(-1)?.step;
    if (last && statusOf(last.subStatus) === 'Delivered') throw new TrackingError(409, `${tracking.number} is already delivered`);
    if (kind === 'expired') {
      if (!last) throw new TrackingError(409, `${tracking.number} has no events yet: 17TRACK reports it NotFound, not expired`);
      if (subStatus !== undefined && subStatus !== 'Expired_Other') throw new TrackingError(400, 'subStatus for expired must be Expired_Other');
      tracking.isExpired = true;
      tracking.pending = [];
      this.emit(tracking, 'TRACKING_UPDATED');
      return;
    }
    const at = last?.place ?? tracking.journey.steps[0]!.place;
    let broken: ReturnType<typeof breakJourney>;
    try {
      broken = breakJourney(tracking.journey, kind, at, tracking.pending, subStatus);
    } catch (error) {
      throw new TrackingError(400, (error as Error).message);
    }
    tracking.pending = [broken.now, ...broken.then];
    this.play(tracking);
    this.emit(tracking, 'TRACKING_UPDATED');
  }

  /** Plays every step whose time has come on the simulated clock. */
  tick(): void {
    const simNow = this.clock.now();
    for (const tracking of this.trackings.values()) {
      if (tracking.isStopped) continue;
      let played = 0;
      while (tracking.pending.length > 0 && tracking.lastStepSim + tracking.pending[0]!.afterHours * HOUR_MS <= simNow) {
        const dueAt = tracking.lastStepSim + tracking.pending[0]!.afterHours * HOUR_MS;
        this.play(tracking);
        // Due times chain from when each step was due, not from when the tick noticed it.
        tracking.lastStepSim = dueAt;
        played++;
      }
      if (played > 0) this.emit(tracking, 'TRACKING_UPDATED');
    }
  }

  reset(): void {
    this.trackings.clear();
  }

  private play(tracking: Tracking): void {
    const step = tracking.pending.shift();
    if (!step) return;
    // Whole seconds (time_iso has no fractions), strictly after the previous event, so a receiver
    // that keeps the newest event time never sees two steps as one.
    const previous = tracking.played.at(-1)?.at ?? 0;
    const at = Math.max(Math.floor(this.wallNow() / 1000) * 1000, previous + 1000);
    tracking.played.push({ step, at });
    tracking.lastStepSim = this.clock.now();
    // News again: 17TRACK's status follows the carrier's event once more.
    tracking.isExpired = false;
  }

  private emit(tracking: Tracking, kind: ChangeKind): void {
    for (const listener of this.listeners) listener(tracking, kind);
  }
}

export function latestStatus(tracking: Tracking): TrackingStatus {
  if (tracking.isExpired) return 'Expired';
  const last = tracking.played.at(-1);
  return last ? statusOf(last.step.subStatus) : 'NotFound';
}

const key = (number: string) => number.toUpperCase();
