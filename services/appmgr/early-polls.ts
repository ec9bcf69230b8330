/**
 * This replica's memory of when each ticket it answered may poll again on time (queue.md "Abuse": a poll earlier than
 * the Retry-After it was given, less 20 %, is charged to LOGIN_RATE_PER_IP). Redis keeps the truth for every replica
 * (the poll script answers `early`); this memory only lets a flood of early polls be charged — and refused with 429
 * once the address's budget is spent — before any Redis call. It can only under-estimate: another replica may have
 * answered the ticket later. Bounded: past `max` tickets the oldest entries go first (Map insertion order).
 */
export class EarlyPolls {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly max = 100_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The ticket was just answered with `retryAfterS`: a poll before 80 % of it is early. */
  answered(ticket: string, retryAfterS: number): void {
    this.next.delete(ticket);
    if (this.next.size >= this.max) {
      const oldest = this.next.keys().next().value;
      if (oldest !== undefined) this.next.delete(oldest);
    }
    this.next.set(ticket, this.now() + retryAfterS * 800);
  }

  /** Whether a poll of `ticket` now is early, as far as this replica knows. */
  early(ticket: string): boolean {
    const at = this.next.get(ticket);
    if (at === undefined) return false;
    if (this.now() >= at) {
      this.next.delete(ticket);
      return false;
    }
    return true;
  }

  forget(ticket: string): void {
    this.next.delete(ticket);
  }

  get size(): number {
    return this.next.size;
  }
}
