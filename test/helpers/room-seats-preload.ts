/**
 * Loaded with `--import` into a game pod process by test/game-rooms.test.ts, until the registry's Redis room scripts
 * land (then the real redeem answers the seat, and this file goes). It stands in for that one piece only:
 * - `RedisSessionRegistry.redeemAndClaim` runs as it is, then attaches the seat the test stored for that token at
 *   `<PREFIX>:test-seat:<token>` (a JSON RoomSeat), as the room-aware redeem script will answer it;
 * - every heartbeat also prints what the pod hands the writer (`test_heartbeat`: run id, caps, modes, room players),
 *   since the writer does not store them in Redis yet.
 * Everything else in the process (token redeem and session claim in Redis, FrameServer, module host) is the real one.
 */
import { RedisHeartbeatWriter, RedisSessionRegistry, type RoomSeat } from '../../services/registry/index.js';

const prefix = process.env.PREFIX ?? 'gc';

const redeemAndClaim = RedisSessionRegistry.prototype.redeemAndClaim!;
RedisSessionRegistry.prototype.redeemAndClaim = async function (this: RedisSessionRegistry, token, account, appId, socketKey) {
  const r = await redeemAndClaim.call(this, token, account, appId, socketKey);
  if (r === 'invalid' || r.seat) return r;
  const raw = await (this as unknown as { redis: { get(k: string): Promise<string | null> } }).redis.get(`${prefix}:test-seat:${token}`);
  return raw ? { ...r, seat: JSON.parse(raw) as RoomSeat } : r;
};

const beatNow = RedisHeartbeatWriter.prototype.beatNow;
RedisHeartbeatWriter.prototype.beatNow = function (this: RedisHeartbeatWriter) {
  const s = (this as unknown as { o: { source: import('../../services/registry/index.js').HeartbeatSource } }).o.source;
  process.stdout.write(`${JSON.stringify({ msg: 'test heartbeat', test_heartbeat: { runId: s.runId, caps: s.caps, modes: s.modes, roomPlayers: s.roomPlayers?.(), online: s.online() } })}\n`);
  return beatNow.call(this);
};
