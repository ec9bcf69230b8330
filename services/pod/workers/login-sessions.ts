/**
 * "A second account check for the same account on the same login pod kicks the older login connection" across the
 * workers of one login pod. Each worker still kicks an older connection it holds itself (account-check.ts); in
 * addition it tells the primary about every login connection that authenticates (`login-claim`) and closes
 * (`login-release`). The primary keeps account → (worker, socket key) in arrival order — that order defines
 * "older" — and, when a claim replaces an entry held by another worker, sends that worker `login-kick` naming the
 * exact (account, socket key). The worker kicks only if exactly that connection is still live and authenticated
 * as that account, so a kick never reaches a newer connection. A dead worker's entries are dropped with it.
 * Login connections are short-lived (account check → EnterGame → close), so the map stays small.
 */
import type { WorkerLink } from '../../platform/worker-link.js';
import { KickReason } from '../../protocol/wire.js';
import type { FrameServer } from '../../socket/frame-server.js';

interface Holder {
  workerId: number;
  socketKey: string;
}

/** The primary's side: who holds which account on this login pod. */
export class LoginSessionBroker {
  private readonly byAccount = new Map<string, Holder>();

  /** Records the claim; returns the holder to kick (another worker's older connection), if any. */
  claim(workerId: number, account: string, socketKey: string): Holder | undefined {
    const prev = this.byAccount.get(account);
    this.byAccount.set(account, { workerId, socketKey });
    // The same worker already kicked its own older connection (account-check.ts) before claiming.
    if (!prev || prev.workerId === workerId) return undefined;
    return prev;
  }

  release(workerId: number, account: string, socketKey: string): void {
    const h = this.byAccount.get(account);
    if (h && h.workerId === workerId && h.socketKey === socketKey) this.byAccount.delete(account);
  }

  /** A worker died: its connections are gone. */
  dropWorker(workerId: number): void {
    for (const [a, h] of this.byAccount) if (h.workerId === workerId) this.byAccount.delete(a);
  }

  get size(): number {
    return this.byAccount.size;
  }
}

/**
 * The worker's side: report authentications and closes of `server`'s login connections, and obey `login-kick`.
 * Returns `authenticated(conn)` for the account-check path to call after a successful check.
 */
export function attachLoginSessions(link: WorkerLink, server: FrameServer<any>): { authenticated(account: string, socketKey: string): void } {
  link.on('login-kick', (m) => void server.kick({ socketKey: m.socketKey, objectKey: m.account }, KickReason.DUPLICATE_LOGIN));
  server.onClose((c) => {
    if (c.objectKey !== undefined) link.send({ gc: 'login-release', account: c.objectKey, socketKey: c.socketKey });
  });
  return { authenticated: (account, socketKey) => link.send({ gc: 'login-claim', account, socketKey }) };
}
