/** Polls `check` until it returns a truthy value or `timeoutMs` passes (then throws with `what`). Bounded waits only. */
import { setTimeout as sleep } from 'node:timers/promises';

/** Thrown by a check when waiting longer cannot help (the process waited on exited): waitFor rethrows it at once. */
export class GiveUp extends Error {}

export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 15_000, everyMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      if (err instanceof GiveUp) throw new Error(`gave up waiting for ${what}: ${err.message}`);
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(everyMs);
  }
}
