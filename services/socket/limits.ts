/**
 * Per-connection limits and per-server budgets of the contract (docs/protocol.md "Protocol violations", "Resource budgets").
 * A breached limit closes that one connection with its reason; a budget refuses new connections at accept or closes
 * the connections holding the most, never established players that behave.
 */
export interface ConnectionLimits {
  /** Close a connection that has not authenticated this long after connecting (`auth_timeout`). */
  authTimeoutMs: number;
  /** Close a connection that sent nothing for this long (`idle`). */
  idleTimeoutMs: number;
  /** Close a connection sending more frames than this in one second (`rate`). */
  maxFramesPerSec: number;
  /** Close a connection with more than this many bytes waiting to be sent (`slow_reader`). */
  maxWriteBuffer: number;
  /** Close a connection whose started frame is not complete this long after its first byte (`slow_frame`). */
  frameTimeoutMs: number;
  /** Open connections this server accepts at once; more are refused at accept (`max_connections`). 0 = no limit. */
  maxConnections: number;
  /** Open connections from one client address; more are refused at accept (`max_per_ip`). 0 = no limit. */
  maxConnectionsPerIp: number;
  /** Bytes queued for all slow readers together; beyond it the heaviest are closed (`slow_reader`). 0 = no limit. */
  maxOutboundBytes: number;
  /** The largest WebSocket message (≥ 65536); a bigger one, or one of more than 8 fragments, closes with 1009. */
  wsMaxMessageBytes: number;
}

export const defaultLimits: ConnectionLimits = {
  authTimeoutMs: 10_000,
  idleTimeoutMs: 60_000,
  maxFramesPerSec: 200,
  maxWriteBuffer: 1_048_576,
  frameTimeoutMs: 10_000,
  maxConnections: 0,
  maxConnectionsPerIp: 0,
  maxOutboundBytes: 268_435_456,
  wsMaxMessageBytes: 65_536,
};
