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

/** A player entry of a State message, whatever the arena proto names its id field. */
function playersOf(body: Record<string, unknown>): { id: string; x: number; y: number }[] {
  const list = Object.values(body).find((v) => Array.isArray(v)) as Record<string, unknown>[] | undefined;
  return (list ?? []).map((p) => ({ id: String(p.account ?? p.playerId ?? p.id ?? p.name ?? '?'), x: Number(p.x ?? 0), y: Number(p.y ?? 0) }));
}

function draw(): void {
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const all = Object.entries(seen.players);
  const maxX = Math.max(100, ...all.map(([, p]) => Math.abs(p.x)));
  const maxY = Math.max(100, ...all.map(([, p]) => Math.abs(p.y)));
  for (const [id, p] of all) {
    const x = canvas.width / 2 + (p.x / maxX) * (canvas.width / 2 - 12);
    const y = canvas.height / 2 + (p.y / maxY) * (canvas.height / 2 - 12);
    ctx.fillStyle = id === account ? '#ffcc33' : '#4fa3ff';
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
  const s = await connect({ appmgr, account, transport: 'ws', tls: location.protocol === 'https:', proto: arenaProto, messages: arenaMessages });
  seen.state = 'online';
  watch(s);
  log(`online on ${s.gameAddress} over ws (arena)`);
  const moved = new Set<string>();
  s.on('State', (body: Record<string, unknown>) => {
    seen.stateMessages++;
    for (const p of playersOf(body)) {
      const before = seen.players[p.id];
      if (before && (before.x !== p.x || before.y !== p.y) && p.id !== account && !moved.has(p.id)) {
        moved.add(p.id);
        seen.othersMoved = [...moved];
      }
      seen.players[p.id] = { x: p.x, y: p.y };
    }
    draw();
  });
  const keys: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1], a: [-1, 0], d: [1, 0], w: [0, -1], s: [0, 1] };
  window.addEventListener('keydown', (ev) => {
    const k = keys[ev.key];
    if (k) s.send('Move', { dx: k[0], dy: k[1] });
  });
  if (auto) {
    setInterval(() => {
      const d = [-1, 0, 1];
      s.send('Move', { dx: d[Math.floor(Math.random() * 3)], dy: d[Math.floor(Math.random() * 3)] });
    }, 100);
  }
}

(scenario === 'arena' ? playArena() : playEcho()).catch((err: Error & { code?: string; step?: string }) => {
  seen.state = 'failed';
  seen.error = `${err.step ?? ''} ${err.code ?? ''} ${err.message}`;
  log(`failed: ${seen.error}`);
});
