/**
 * A minimal typed event emitter (browser-safe: no node:events). A listener that throws does not stop the others nor
 * the session: the error goes to the 'error' listeners when there are any, else it is rethrown on a fresh task so it
 * surfaces as an uncaught error instead of being swallowed.
 */
export type Listener<A> = (arg: A) => void;

export class Emitter<E extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof E, Set<Listener<any>>>();

  on<K extends keyof E>(name: K, fn: Listener<E[K]>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(fn);
    return () => this.off(name, fn);
  }

  once<K extends keyof E>(name: K, fn: Listener<E[K]>): () => void {
    const off = this.on(name, (a) => {
      off();
      fn(a);
    });
    return off;
  }

  off<K extends keyof E>(name: K, fn: Listener<E[K]>): void {
    this.listeners.get(name)?.delete(fn);
  }

  listenerCount(name: keyof E): number {
    return this.listeners.get(name)?.size ?? 0;
  }

  emit<K extends keyof E>(name: K, arg: E[K]): void {
    const set = this.listeners.get(name);
    if (!set || set.size === 0) return;
    for (const fn of [...set]) {
      try {
        fn(arg);
      } catch (err) {
        const errors = this.listeners.get('error');
        if (name !== 'error' && errors && errors.size > 0) this.emit('error' as K, err as E[K]);
        else setTimeout(() => {
          throw err;
        }, 0);
      }
    }
  }
}
