/**
 * The connection budgets of one serving process, applied at the TCP accept of every listener (protocol.md "Resource
 * budgets"): `MAX_CONNECTIONS` open sockets in all and `MAX_CONNECTIONS_PER_IP` per client address (IPv6 per /64,
 * platform/address-key.ts). A socket counts from its accept until it closes — before its TLS handshake or WebSocket
 * upgrade has finished — so a client that never completes a handshake holds no more sockets than one that never
 * logs in. `guard(server)` puts the check in front of whatever the server does with a new socket (a net server's
 * accept, a TLS server's handshake, an HTTP server's parser): a socket beyond a budget is destroyed before any of
 * that runs. `server.maxConnections` is set too (outside node:cluster workers), as a backstop that Node applies
 * before a socket object exists.
 * The socket's slot is released when its raw socket closes, or earlier by the connection that owns it (`release`),
 * so a close listener that counts an address's open connections sees the closing one gone.
 */
import cluster from 'node:cluster';
import type { Server, Socket } from 'node:net';
import { addressKey } from '../platform/address-key.js';
import { RefuseReason } from '../protocol/wire.js';

export interface AcceptBudgetLimits {
  /** Open sockets in all (every listener of this process), 0 = no limit. */
  maxConnections: number;
  /** Open sockets per client address key, 0 = no limit. */
  maxConnectionsPerIp: number;
}

/** One accepted socket's place in the budgets. */
export interface AcceptSlot {
  /** The client's address key (IPv4, or an IPv6 /64). */
  readonly key: string;
  released: boolean;
}

type Listener = (socket: Socket) => void;

export class AcceptBudget {
  private openCount = 0;
  private readonly perKey = new Map<string, number>();
  /** Slots of open sockets by their TCP 4-tuple, so the transport built on a socket (TLS, WebSocket) finds its slot. */
  private readonly byTuple = new Map<string, AcceptSlot>();

  constructor(
    private readonly limits: AcceptBudgetLimits,
    /** A socket refused at accept (`ip`: its remote address as seen). */
    private readonly onRefused: (reason: RefuseReason, ip: string) => void,
  ) {}

  /** Open sockets (accepted, not yet closed), handshakes included. */
  get open(): number {
    return this.openCount;
  }

  /** Open sockets of the client address key `key`. */
  openFrom(key: string): number {
    return this.perKey.get(key) ?? 0;
  }

  /**
   * Checks the budgets before every 'connection' listener `server` has now (call it after they are all added): a
   * socket beyond a budget is destroyed and counted, one within is counted until it closes and passed on.
   */
  guard(server: Server): void {
    const inner = server.listeners('connection') as Listener[];
    server.removeAllListeners('connection');
    server.on('connection', (socket: Socket) => {
      if (!this.admit(socket)) return;
      for (const f of inner) f.call(server, socket);
    });
    const max = this.limits.maxConnections;
    // Not in a node:cluster worker (WORKERS>1): there a connection the worker declines goes back to the primary, which
    // hands it to another worker — with every worker at its limit it would bounce between them.
    if (max > 0 && !cluster.isWorker) {
      // The backstop: Node closes a connection beyond it before making a socket of it. The budget above refuses
      // first in practice (it counts every listener together); Node's count of this listener can still reach it
      // while refused sockets are closing, and those drops are refusals of the same budget.
      server.maxConnections = max;
      server.on('drop', (d?: { remoteAddress?: string }) => this.onRefused(RefuseReason.max_connections, d?.remoteAddress ?? ''));
    }
  }

  /** Counts `socket` if the budgets allow it (true), else destroys it and reports the refusal (false). */
  admit(socket: Socket): boolean {
    const ip = socket.remoteAddress;
    if (ip === undefined) {
      // Already gone (reset before we saw it): nothing to count or serve.
      socket.destroy();
      return false;
    }
    const key = addressKey(ip);
    const { maxConnections, maxConnectionsPerIp } = this.limits;
    const reason =
      maxConnections > 0 && this.openCount >= maxConnections
        ? RefuseReason.max_connections
        : maxConnectionsPerIp > 0 && (this.perKey.get(key) ?? 0) >= maxConnectionsPerIp
          ? RefuseReason.max_per_ip
          : undefined;
    if (reason) {
      socket.on('error', () => undefined);
      socket.destroy();
      this.onRefused(reason, ip);
      return false;
    }
    const slot: AcceptSlot = { key, released: false };
    this.openCount++;
    this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1);
    const tuple = tupleOf(socket);
    this.byTuple.set(tuple, slot);
    socket.once('close', () => {
      if (this.byTuple.get(tuple) === slot) this.byTuple.delete(tuple);
      this.release(slot);
    });
    return true;
  }

  /** The slot of an accepted socket, or of a TLS socket over one (same 4-tuple); undefined if it was never counted. */
  slotOf(socket: { localPort?: number | undefined; remoteAddress?: string | undefined; remotePort?: number | undefined }): AcceptSlot | undefined {
    return this.byTuple.get(tupleOf(socket));
  }

  /** Gives the slot back (idempotent): its socket closed, or the connection on it ended. */
  release(slot: AcceptSlot | undefined): void {
    if (!slot || slot.released) return;
    slot.released = true;
    this.openCount--;
    const n = (this.perKey.get(slot.key) ?? 1) - 1;
    if (n <= 0) this.perKey.delete(slot.key);
    else this.perKey.set(slot.key, n);
  }
}

function tupleOf(s: { localPort?: number | undefined; remoteAddress?: string | undefined; remotePort?: number | undefined }): string {
  return `${s.localPort ?? 0}|${s.remoteAddress ?? ''}|${s.remotePort ?? 0}`;
}
