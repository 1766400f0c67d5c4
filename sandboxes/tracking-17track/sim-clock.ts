/**
 * The sandbox's simulated time: it runs `speed` times faster than the wall clock (1 = real time,
 * 3600 = an hour a second, 0 = stopped, only the control API moves parcels). Changing the speed
 * keeps the simulated present where it is.
 */
export class SimClock {
  private anchorReal: number;
  private anchorSim: number;

  constructor(
    private currentSpeed: number,
    private readonly wallNow: () => number = Date.now,
  ) {
    assertSpeed(currentSpeed);
    this.anchorReal = wallNow();
    this.anchorSim = this.anchorReal;
  }

  get speed(): number {
    return this.currentSpeed;
  }

  now(): number {
    return this.anchorSim + (this.wallNow() - this.anchorReal) * this.currentSpeed;
  }

  setSpeed(speed: number): void {
    assertSpeed(speed);
    this.anchorSim = this.now();
    this.anchorReal = this.wallNow();
    this.currentSpeed = speed;
  }
}

export const MAX_SPEED = 10_000_000;

function assertSpeed(speed: number): void {
  if (!(Number.isFinite(speed) && speed >= 0 && speed <= MAX_SPEED)) throw new RangeError(`speed must be a number from 0 to ${MAX_SPEED}`);
}
