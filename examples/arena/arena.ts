/**
 * arena — the sample game module of gamecluster (README.md beside it). Players join a room of up to 16 (a group;
 * a full room opens the next), send `Move{dx,dy}` (each axis clamped to ±maxStep, at most maxMovesPerSec applied per
 * player), and every tick (20 Hz) each room broadcasts its `State` — encoded once per room, whatever its size.
 * A player who drops stays in his room, frozen and marked away, until he resumes or his grace ends.
 */
import { defineGame, type GameContext, type Group, type Player } from 'gamecluster/game';
import { ARENA_RULES as R, messages } from './messages.js';

interface ArenaPlayer {
  room: string;
  x: number;
  y: number;
  /** Moves applied in the current one-second window (the rate bound). */
  moves: number;
  window: number;
}

/** Room names in opening order; a room is reused once it has space again. */
const rooms: string[] = [];
let tick = 0;

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);
const int = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);

function pickRoom(game: GameContext<ArenaPlayer>): Group<ArenaPlayer> {
  for (const name of rooms) {
    const g = game.group(name);
    if (g.size < R.roomSize) return g;
  }
  const name = `room-${rooms.length + 1}`;
  rooms.push(name);
  return game.group(name);
}

function joined(p: Player<ArenaPlayer>): void {
  const d = p.data;
  p.send('Joined', { room: d.room, account: p.account, x: d.x, y: d.y, width: R.width, height: R.height, tickHz: R.tickHz, maxStep: R.maxStep });
}

export default defineGame<ArenaPlayer>({
  name: 'arena',
  proto: new URL('./arena.proto', import.meta.url),
  messages,
  tickHz: R.tickHz,

  onJoin(p, game) {
    const room = pickRoom(game);
    p.data = { room: room.name, x: Math.floor(Math.random() * R.width), y: Math.floor(Math.random() * R.height), moves: 0, window: 0 };
    room.add(p);
    joined(p);
  },

  onMessage(p, msg) {
    if (msg.name !== 'Move') return;
    const d = p.data;
    const window = Math.floor(Date.now() / 1000);
    if (window !== d.window) (d.window = window), (d.moves = 0);
    if (++d.moves > R.maxMovesPerSec) return; // rate-bounded: extra moves in this second are ignored
    d.x = clamp(d.x + clamp(int(msg.body.dx), -R.maxStep, R.maxStep), 0, R.width);
    d.y = clamp(d.y + clamp(int(msg.body.dy), -R.maxStep, R.maxStep), 0, R.height);
  },

  onResume(p) {
    joined(p);
  },

  onTick(_dtMs, game) {
    tick++;
    const now = Date.now();
    for (const name of rooms) {
      const g = game.group(name);
      if (g.size === 0) continue;
      const players = [];
      for (const m of g.members) players.push({ account: m.account, x: m.data.x, y: m.data.y, away: m.away });
      g.broadcast('State', { tick, serverTimeMs: now, room: name, players });
    }
  },
});
