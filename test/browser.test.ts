/**
 * The browser page (examples/web) in real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core)
 * against a real cluster: appmgr (CORS for the page's origin), a login and a game pod running `arena`, both with
 * WebSocket listeners. The page, built with esbuild and served from another origin by a tiny static server, logs in
 * over WebSocket with the SDK's browser bundle; three Node SDK players (TCP) in the same room move at random. The page
 * must see them move, and they must see the browser player, who moves too (`?auto=1`).
 */
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { buildWeb } from '../examples/web/build.js';
import { messages } from '../examples/arena/messages.js';
import { connect, type Session } from '../services/client/index.js';
import { freePort } from './helpers/free-port.js';
import { waitFor } from './helpers/wait-for.js';
import { startLoginGame, type TestCluster } from './pod-cluster.js';

const arenaProto = new URL('../examples/arena/arena.proto', import.meta.url);
let c: TestCluster;
let web: Server;
let webDir: string;
let webUrl: string;
let browser: Browser | undefined;
const players: Session<any, any>[] = [];
const movers: NodeJS.Timeout[] = [];

before(async () => {
  ({ c } = await startLoginGame({ prefix: 'browser', loginEnv: { WS_PORT: String(await freePort()) }, gameEnv: { WS_PORT: String(await freePort()), GAME_MODULE: 'arena' } }));
  webDir = mkdtempSync(join(tmpdir(), 'gc-browser-'));
  await buildWeb(webDir);
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
  web = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/+/, '') || 'index.html';
    if (!/^[\w.-]+$/.test(name)) return void res.writeHead(404).end();
    let body: Buffer;
    try {
      body = readFileSync(join(webDir, name));
    } catch {
      return void res.writeHead(404).end(); // e.g. /favicon.ico
    }
    res.writeHead(200, { 'content-type': types[extname(name)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
  webUrl = `http://127.0.0.1:${(web.address() as { port: number }).port}`;
});

after(async () => {
  for (const m of movers) clearInterval(m);
  await browser?.close();
  await Promise.all(players.map((p) => p.leave()));
  await new Promise((r) => web?.close(r));
  if (webDir) rmSync(webDir, { recursive: true, force: true });
  await c?.stop();
});

interface ArenaState {
  players: { account: string; x: number; y: number }[];
}

interface PageSeen {
  state: string;
  error?: string;
  transport: string;
  scenario: string;
  stateMessages: number;
  players: Record<string, { x: number; y: number }>;
  othersMoved: string[];
}

test('Chromium plays arena over WebSocket and sees the Node players of its room move (and they see it)', async (t) => {
  const appmgr = `http://127.0.0.1:${c.appmgr.port}`;
  // Three Node players first: the room fills in join order, so the browser joins the same room.
  const seenFromNode = new Map<string, Set<string>>(); // node player → browser positions seen
  for (let i = 1; i <= 3; i++) {
    const s = await connect<typeof messages, { State: ArenaState; Move: { dx: number; dy: number } }>({ appmgr, account: `node-${i}`, transport: 'tcp', proto: arenaProto, messages });
    players.push(s);
    const positions = new Set<string>();
    seenFromNode.set(`node-${i}`, positions);
    s.on('State', (st) => {
      for (const p of st.players) if (p.account === 'web-1') positions.add(`${p.x},${p.y}`);
    });
    movers.push(setInterval(() => s.send('Move', { dx: Math.round(Math.random() * 10 - 5), dy: Math.round(Math.random() * 10 - 5) }), 100));
  }

  const t0 = Date.now();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'], timeout: 60_000 });
  const page = await browser.newPage();
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
  await page.goto(`${webUrl}/index.html?appmgr=${encodeURIComponent(appmgr)}&account=web-1&auto=1`);
  const seen = async () => (await page.evaluate('window.__gc')) as PageSeen;
  await waitFor('the page is online', async () => {
    const s = await seen();
    if (s?.state === 'failed') throw new Error(`the page failed: ${s.error}; console: ${consoleLines.join(' | ')}`);
    return s?.state === 'online';
  }, 30_000, 100);
  await waitFor('the page sees the three Node players move', async () => (await seen()).othersMoved.length === 3, 20_000, 100);
  const s = await seen();
  assert.equal(s.transport, 'ws');
  assert.equal(s.scenario, 'arena');
  assert.ok(s.stateMessages > 0);
  assert.deepEqual(Object.keys(s.players).sort(), ['node-1', 'node-2', 'node-3', 'web-1']);
  assert.ok(consoleLines.some((l) => /online on 127\.0\.0\.1:\d+ over ws/.test(l)), consoleLines.join(' | '));
  await waitFor('every Node player saw the browser player move', async () => [...seenFromNode.values()].every((p) => p.size >= 2), 20_000, 100);
  t.diagnostic(`browser online and seeing moves ${Date.now() - t0} ms after launch; ${s.stateMessages} State messages`);
});
