/**
 * arena — the sample game module of gamecluster (README.md beside it). It declares the room mode `arena` (rooms of up
 * to 16): a player who asked the platform for a room (`find` of mode `arena`, or a room id a friend shared) plays in
 * that room, wherever in the cluster it lives. A player who came without a room plays in one of this pod's own
 * rooms of 16 (a group; a full one opens the next). Players send `Move{dx,dy}` (each axis clamped to ±maxStep, at most
 * maxMovesPerSec applied per player), and every tick (20 Hz) each room broadcasts its `State` — encoded once per
 * room, whatever its size. A player who drops stays in his room, frozen and marked away, until he resumes or his
 * grace ends.
 */
import { defineGame, type GameContext, type Group, type Player } from 'gamecluster/game';
import { ARENA_MODE, ARENA_RULES as R, messages } from './messages.js';

interface ArenaPlayer {
  /** The platform room's id, or the name of this pod's own room (`room-N`) for a player who came without one. */
  room: string;
  x: number;
  y: number;
  /** Moves applied in the current one-second window (the rate bound). */
  moves: number;
  window: number;
}

/** This pod's own rooms (for players without a platform room), in opening order; reused once they have space. */
const localRooms: string[] = [];
let tick = 0;

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);
const int = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);

function pickLocalRoom(game: GameContext<ArenaPlayer>): Group<ArenaPlayer> {
  for (const name of localRooms) {
    const g = game.group(name);
    if (g.size < R.roomSize) return g;
  }
  const name = `room-${localRooms.length + 1}`;
  localRooms.push(name);
  return game.group(name);
}

function joined(p: Player<ArenaPlayer>): void {
  const d = p.data;
  p.send('Joined', { room: d.room, account: p.account, x: d.x, y: d.y, width: R.width, height: R.height, tickHz: R.tickHz, maxStep: R.maxStep });
}

/** Every member's position, as State carries it. */
function positions(members: Iterable<Player<ArenaPlayer>>) {
  const players = [];
  for (const m of members) players.push({ account: m.account, x: m.data.x, y: m.data.y, away: m.away });
  return players;
}

export default defineGame<ArenaPlayer>({
  name: 'arena',
  proto: new URL('./arena.proto', import.meta.url),
  messages,
  tickHz: R.tickHz,
  rooms: { modes: { [ARENA_MODE]: { maxPlayers: R.roomSize } } },

  onJoin(p, game) {
    // The platform already put him in his room (p.room); without one, this pod's own rooms take him.
    const room = p.room ? p.room.id : pickLocalRoom(game).name;
    p.data = { room, x: Math.floor(Math.random() * R.width), y: Math.floor(Math.random() * R.height), moves: 0, window: 0 };
    if (!p.room) game.group(room).add(p);
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
    for (const room of game.rooms.values()) {
      if (room.players.size === 0) continue;
      room.broadcast('State', { tick, serverTimeMs: now, room: room.id, players: positions(room.players.values()) });
    }
    for (const name of localRooms) {
      const g = game.group(name);
      if (g.size === 0) continue;
      g.broadcast('State', { tick, serverTimeMs: now, room: name, players: positions(g.members) });
    }
  },
});
