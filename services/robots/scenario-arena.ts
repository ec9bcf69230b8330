/**
 * `gamecluster robots --scenario arena`: a robot plays the sample game (examples/arena) instead of echoing — a random
 * `Move` every 100 ms, and from every `State` (20 Hz per room) it records `state_lag` (the tick's `server_time_ms` →
 * received, on this machine's clock: meaningful when robots and game pods share a clock, as in `gamecluster local`),
 * counts messages, and checks that it sees its room-mates move. A robot that had room-mates and never saw one move
 * fails (`echo` step, `no_roommate_moves`): the broadcast is not reaching it.
 * The arena's messages table and .proto are found beside the package's build (dist/examples/arena) or the sources.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MessagesTable, Session } from '../client/index.js';
import { StepError, type WaveStats } from './stats.js';

export const MOVE_EVERY_MS = 100;

export interface ArenaDefinition {
  proto: string;
  messages: MessagesTable;
  maxStep: number;
}

function firstExisting(rel: string[]): string | undefined {
  for (const r of rel) {
    const p = fileURLToPath(new URL(r, import.meta.url));
    if (existsSync(p)) return p;
  }
  return undefined;
}

let loaded: Promise<ArenaDefinition> | undefined;
/** The arena's proto path and messages table (dist/robots → dist/examples/arena; services/robots → examples/arena). */
export function arenaDefinition(): Promise<ArenaDefinition> {
  loaded ??= (async () => {
    const proto = firstExisting(['../examples/arena/arena.proto', '../../examples/arena/arena.proto']);
    const table = firstExisting(['../examples/arena/messages.js', '../../examples/arena/messages.ts']);
    if (!proto || !table) throw new Error('the arena example (examples/arena: arena.proto, messages) is not installed beside gamecluster');
    const m = (await import(table)) as { messages: MessagesTable; ARENA_RULES?: { maxStep?: number } };
    return { proto, messages: m.messages, maxStep: m.ARENA_RULES?.maxStep ?? 10 };
  })();
  return loaded;
}

interface StateBody {
  tick: number;
  serverTimeMs: number;
  room: string;
  players: { account: string; x: number; y: number; away: boolean }[];
}

/**
 * The in-game part of an arena robot: moves until `until` settles, then reports whether it saw room-mates move.
 * `until` settles when the robot may leave (its duration and the caller's hold); a lost session rejects through it.
 */
export async function playArena(s: Session<any, any>, account: string, def: ArenaDefinition, stats: WaveStats, until: Promise<unknown>): Promise<void> {
  const last = new Map<string, string>();
  let mates = 0;
  let sawMove = false;
  const off = s.on('State', (st: StateBody) => {
    stats.recordState(Date.now() - st.serverTimeMs);
    let n = 0;
    for (const p of st.players) {
      if (p.account === account) continue;
      n++;
      const pos = `${p.x},${p.y}`;
      const before = last.get(p.account);
      if (before !== undefined && before !== pos) sawMove = true;
      last.set(p.account, pos);
    }
    if (n > mates) mates = n;
  });
  const step = () => Math.floor(Math.random() * (2 * def.maxStep + 1)) - def.maxStep;
  const mover = setInterval(() => s.send('Move', { dx: step(), dy: step() }), MOVE_EVERY_MS);
  try {
    await until;
  } finally {
    clearInterval(mover);
    off();
  }
  if (sawMove) stats.arenaSawMoves++;
  else if (mates > 0) throw new StepError('echo', 'no_roommate_moves', `echo: ${account} had ${mates} room-mate(s) in arena and never saw one move`);
}
