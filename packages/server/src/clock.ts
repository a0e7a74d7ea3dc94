// The one source of "now" for features whose rules depend on the date (campaign days, signup windows, settlement).
// Tests and the browser journey move it to simulate the days of a campaign; production never sets it.
export class Clock {
  private fixed: number | null = null;
  private offset = 0;

  now(): Date {
    return new Date(this.fixed ?? Date.now() + this.offset);
  }

  /** Stops the clock at an instant (null: back to real time). */
  set(instant: Date | string | null): void {
    this.fixed = instant === null ? null : new Date(instant).getTime();
    this.offset = 0;
  }

  /** Lets real time run, shifted so that now() reads `instant` at this moment. */
  shiftTo(instant: Date | string): void {
    this.fixed = null;
    this.offset = new Date(instant).getTime() - Date.now();
  }
}
