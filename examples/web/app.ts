/**
 * The browser page (examples/web/index.html): logs in over WebSocket with the client SDK (`gamecluster/client`,
 * bundled by build.ts with esbuild) and plays `arena` — draws the room's players on a canvas, moves with the arrow
 * keys (or at random with `?auto=1`) — or, with `?scenario=echo`, the built-in echo module (a round trip every
 * 500 ms). The arena's .proto comes in as its JSON descriptor (build.ts parses it at build time). What it sees goes into `window.__gc` so a test (or a curious
 * studio) can read it: state, errors, echoes, players seen and which of them moved.
 */
import { connect, type Session } from 'gamecluster/client';
import arenaProto from '../arena/arena.proto';
import { messages as arenaMessages } from '../arena/messages.js';

interface Seen {
  state: string;
  account: string;
  transport: string;
  scenario: string;
  error?: string;
  echoes: number;
  stateMessages: number;
  /** account → last position seen */
  players: Record<string, { x: number; y: number }>;
  /** accounts (other than ours) whose position changed at least once */
  othersMoved: string[];
  log: string[];
}

const q = new URLSearchParams(location.search);
const appmgr = q.get('appmgr') ?? location.origin;
const account = q.get('account') ?? `web-${Math.random().toString(36).slice(2, 10)}`;
const scenario = q.get('scenario') === 'echo' ? 'echo' : 'arena';
const auto = q.get('auto') === '1';
const seen: Seen = { state: 'connecting', account, transport: 'ws', scenario, echoes: 0, stateMessages: 0, players: {}, othersMoved: [], log: [] };
(window as unknown as { __gc: Seen }).__gc = seen;

const statusEl = document.getElementById('status')!;
const canvas = document.getElementById('arena') as HTMLCanvasElement;
const ctx = canvas.getContext('2d')!;

function log(line: string): void {
  seen.log.push(line);
  console.log(`[gc] ${line}`);
  statusEl.textContent = `${account} · ${scenario} · ${seen.state} · ${line}`;
}

/** The arena's messages (examples/arena/arena.proto), as the SDK decodes them. */
interface ArenaState {
  tick: number;
  serverTimeMs: number;
  room: string;
  players: { account: string; x: number; y: number; away: boolean }[];
}
interface ArenaJoined {
  room: string;
  width: number;
  height: number;
  maxStep: number;
}
type ArenaIn = { State: ArenaState; Joined: ArenaJoined };
type ArenaOut = { Move: { dx: number; dy: number } };

/** The arena's size, from Joined (the module's rules). */
let field = { width: 1000, height: 1000, maxStep: 10 };
let away = new Set<string>();

function draw(): void {
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  for (const [id, p] of Object.entries(seen.players)) {
    const x = 8 + (p.x / field.width) * (canvas.width - 16);
    const y = 8 + (p.y / field.height) * (canvas.height - 16);
    ctx.fillStyle = id === account ? '#ffcc33' : away.has(id) ? '#666' : '#4fa3ff';
    ctx.beginPath();
    ctx.arc(x, y, 6, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#aaa';
    ctx.fillText(id, x + 8, y + 4);
  }
}

function watch(s: Session<any, any>): void {
  s.on('away', () => ((seen.state = 'away'), log('connection lost, resuming…')));
  s.on('resumed', (e) => ((seen.state = 'online'), log(`back (${e.via})`)));
  s.on('kick', (e) => log(`kicked: ${e.reason}`));
  s.on('closed', (e) => ((seen.state = 'closed'), log(`closed: ${e.reason}${e.error ? ` (${e.error.message})` : ''}`)));
}

async function playEcho(): Promise<void> {
  const s = await connect({ appmgr, account, transport: 'ws', tls: location.protocol === 'https:', on: { queue: (u) => log(`in line: position ${u.position}, ~${u.etaS} s`) } });
  seen.state = 'online';
  watch(s);
  log(`online on ${s.gameAddress} over ws`);
  setInterval(async () => {
    if (s.state !== 'online') return;
    const t0 = performance.now();
    await s.request('Echo', { payload: new TextEncoder().encode('hello'), clientTimeMs: Date.now() }, 'Echo');
    seen.echoes++;
    statusEl.textContent = `${account} · echo · online on ${s.gameAddress} · rtt ${(performance.now() - t0).toFixed(1)} ms · ${seen.echoes} echoes`;
  }, 500);
}

async function playArena(): Promise<void> {
  const s = await connect<typeof arenaMessages, ArenaIn & ArenaOut>({ appmgr, account, transport: 'ws', tls: location.protocol === 'https:', proto: arenaProto, messages: arenaMessages });
  seen.state = 'online';
  watch(s);
  log(`online on ${s.gameAddress} over ws (arena)`);
  const moved = new Set<string>();
  s.on('Joined', (j) => {
    field = { width: j.width || 1000, height: j.height || 1000, maxStep: j.maxStep || 10 };
    log(`joined ${j.room}`);
  });
  s.on('State', (st) => {
    seen.stateMessages++;
    const now: Record<string, { x: number; y: number }> = {};
    away = new Set(st.players.filter((p) => p.away).map((p) => p.account));
    for (const p of st.players) {
      const before = seen.players[p.account];
      if (before && (before.x !== p.x || before.y !== p.y) && p.account !== account && !moved.has(p.account)) {
        moved.add(p.account);
        seen.othersMoved = [...moved];
      }
      now[p.account] = { x: p.x, y: p.y };
    }
    seen.players = now; // the room as it is now: players who left disappear
    draw();
  });
  const keys: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1], a: [-1, 0], d: [1, 0], w: [0, -1], s: [0, 1] };
  window.addEventListener('keydown', (ev) => {
    const k = keys[ev.key];
    if (k) s.send('Move', { dx: k[0] * field.maxStep, dy: k[1] * field.maxStep });
  });
  if (auto) {
    setInterval(() => {
      const r = () => Math.round((Math.random() * 2 - 1) * field.maxStep);
      s.send('Move', { dx: r(), dy: r() });
    }, 100);
  }
}

(scenario === 'arena' ? playArena() : playEcho()).catch((err: Error & { code?: string; step?: string }) => {
  seen.state = 'failed';
  seen.error = `${err.step ?? ''} ${err.code ?? ''} ${err.message}`;
  log(`failed: ${seen.error}`);
});
