/** Per-connection limits of the spec (protocol.md "Protocol violations"); each breach closes with its reason. */
export interface ConnectionLimits {
  /** Close a connection that has not authenticated this long after connecting (`auth_timeout`). */
  authTimeoutMs: number;
  /** Close a connection that sent nothing for this long (`idle`). */
  idleTimeoutMs: number;
  /** Close a connection sending more frames than this in one second (`rate`). */
  maxFramesPerSec: number;
  /** Close a connection with more than this many bytes waiting to be sent (`slow_reader`). */
  maxWriteBuffer: number;
}

export const defaultLimits: ConnectionLimits = {
  authTimeoutMs: 10_000,
  idleTimeoutMs: 60_000,
  maxFramesPerSec: 200,
  maxWriteBuffer: 1_048_576,
};
