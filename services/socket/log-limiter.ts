/**
 * Rate limit for log lines of one kind (protocol.md "Resource budgets": violation lines are limited per reason to one
 * per second plus a count of the suppressed ones), so a flood of bad clients cannot fill disks or stall the event
 * loop with logging. Pure: the caller passes the clock.
 */
export class LogLimiter {
  private readonly windows = new Map<string, { at: number; suppressed: number }>();

  constructor(private readonly everyMs = 1000) {}

  /**
   * `undefined` when a line for `key` was already let through in the current window (this one is counted as
   * suppressed); otherwise the number of lines suppressed since the last one let through, to report with it.
   */
  allow(key: string, now: number): number | undefined {
    const w = this.windows.get(key);
    if (!w) {
      this.windows.set(key, { at: now, suppressed: 0 });
      return 0;
    }
    if (now - w.at < this.everyMs) {
      w.suppressed++;
      return undefined;
    }
    const n = w.suppressed;
    w.at = now;
    w.suppressed = 0;
    return n;
  }
}
