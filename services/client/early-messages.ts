/**
 * The module's messages that arrive before the game subscribes to them (browser-safe, no I/O). A module greets its
 * player in `onJoin`, and those frames reach the client while `connect()` is still resolving — before any code could
 * call `session.on(name)`. So a message of a name that has never had a listener is kept (the newest `perName` of
 * each name; older ones are dropped and counted) and handed to the name's first listener on the next microtask (so
 * `on`/`once` have returned, and every listener added in the same synchronous block sees them too), in arrival
 * order and before any later frame of that name. Once a name has been delivered to a listener it is "heard": a frame
 * nobody listens to any more is dropped as before, so a game that unsubscribes is never handed stale messages later.
 * A listener that goes away during the hand-over (`once`) leaves the rest kept for the next one.
 */

export interface EarlyMessagesHost {
  listenerCount(name: string): number;
  emit(name: string, body: unknown): void;
}

export class EarlyMessages {
  /** Messages dropped because their name's budget was full (oldest first). */
  dropped = 0;
  private readonly kept = new Map<string, unknown[]>();
  private readonly heard = new Set<string>();
  private readonly handing = new Set<string>();

  constructor(
    private readonly host: EarlyMessagesHost,
    /** Messages kept per name until its first listener; 0 keeps none (a message nobody listens to is dropped). */
    private readonly perName: number,
  ) {}

  /** Called for a decoded module message; delivers it now or keeps it. */
  deliver(name: string, body: unknown): void {
    if (this.handing.has(name)) return this.keep(name, body); // behind the kept ones: order holds
    if (this.host.listenerCount(name) > 0) return this.host.emit(name, body);
    if (!this.heard.has(name)) this.keep(name, body);
  }

  /** Called after a listener was added for `name` (a module message name). */
  subscribed(name: string): void {
    if (this.heard.has(name) || this.handing.has(name)) return;
    if (!this.kept.get(name)?.length) {
      this.heard.add(name);
      return;
    }
    this.handing.add(name);
    queueMicrotask(() => this.handOver(name));
  }

  /** Messages of `name` kept right now (tests, diagnostics). */
  size(name: string): number {
    return this.kept.get(name)?.length ?? 0;
  }

  private keep(name: string, body: unknown): void {
    if (this.perName <= 0) {
      this.dropped++;
      return;
    }
    let q = this.kept.get(name);
    if (!q) this.kept.set(name, (q = []));
    q.push(body);
    if (q.length > this.perName) {
      q.shift();
      this.dropped++;
    }
  }

  private handOver(name: string): void {
    this.handing.delete(name);
    const q = this.kept.get(name);
    while (q?.length && this.host.listenerCount(name) > 0) this.host.emit(name, q.shift());
    if (q?.length) return; // the listener went away (once): the rest waits for the next one
    this.kept.delete(name);
    this.heard.add(name);
  }
}
