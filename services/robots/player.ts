/**
 * One robot = one game client playing the whole flow once on fresh connections (nothing is reused across players,
 * so every player costs the cluster what a real client costs): GET /login (one request per connection, `connection:
 * close`) → login TCP (account check, enter game) → game TCP (token login) → echo loop with a Ping every 15 s →
 * leave. Each step is bounded by `stepTimeoutMs` and timed into the wave's histograms:
 *   http_login = the whole HTTP exchange; account_check = login connect + AccountCheck round trip;
 *   enter_game = EnterGame round trip; game_login = game connect + LoginByToken round trip; echo = one round trip.
 * A failure throws a StepError (bounded reason) that run.ts counts; the player's connections are always closed.
 */
import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { FrameClient, type FrameClientConnectOptions } from '../socket/frame-client.js';
import { MsgId, ReturnCode, returnCodeName } from '../protocol/wire.js';
import { StepError, kickReasonName, returnCodeError, toStepError, type Step, type WaveStats } from './stats.js';

export const PING_EVERY_MS = 15_000;

export interface PlayerPlan {
  appmgr: string;
  account: string;
  password: string;
  durationS: number;
  echoPerSec: number;
  stepTimeoutMs: number;
  /** TLS options for the login and game connections (absent: plain TCP). */
  tls?: FrameClientConnectOptions['tls'];
  /** Resolves when the player may leave (after its duration); lets a caller measure while everyone is online. */
  holdUntil?: Promise<unknown>;
  /** Aborting makes an in-game player leave at once. */
  signal?: AbortSignal;
}

export interface LoginAnswer {
  returncode: number;
  ip: string;
  port: number;
}

/** GET <appmgr>/login on its own connection; resolves the parsed body, rejects with a StepError. */
export function httpLogin(appmgr: string, timeoutMs: number): Promise<LoginAnswer> {
  const url = new URL(`${appmgr}/login`);
  const req = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const r = req(url, { method: 'GET', agent: false, headers: { connection: 'close', accept: 'application/json' } }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (err) => reject(toStepError('http_login', err)));
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        let body: Partial<LoginAnswer>;
        try {
          body = JSON.parse(text) as Partial<LoginAnswer>;
        } catch {
          reject(new StepError('http_login', `http_${res.statusCode}`, `http_login: HTTP ${res.statusCode} with a body that is not JSON: ${text.slice(0, 120)}`));
          return;
        }
        if (typeof body.returncode === 'number' && body.returncode !== ReturnCode.OK) {
          reject(new StepError('http_login', returnCodeName(body.returncode), `http_login: HTTP ${res.statusCode} returncode ${body.returncode} (${returnCodeName(body.returncode)})`));
        } else if (res.statusCode !== 200 || body.returncode !== 0 || typeof body.ip !== 'string' || !body.ip || typeof body.port !== 'number' || body.port <= 0) {
          reject(new StepError('http_login', res.statusCode !== 200 ? `http_${res.statusCode}` : 'bad_response', `http_login: HTTP ${res.statusCode} unexpected body ${text.slice(0, 120)}`));
        } else resolve({ returncode: 0, ip: body.ip, port: body.port });
      });
    });
    const timer = setTimeout(() => r.destroy(Object.assign(new Error(`GET ${url.href} timed out after ${timeoutMs} ms`), { name: 'TimeoutError' })), timeoutMs);
    r.on('error', (err) => {
      clearTimeout(timer);
      reject(toStepError('http_login', Object.assign(err, { message: `GET ${url.href}: ${err.message}` })));
    });
    r.end();
  });
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const num = (v: unknown) => (typeof v === 'number' ? v : Number(String(v)));

/** Runs `fn` as `step`: times it, maps any error to a StepError of that step. */
async function timed<T>(stats: WaveStats, step: Step, fn: () => Promise<T>): Promise<T> {
  const t0 = process.hrtime.bigint();
  try {
    const v = await fn();
    stats.record(step, ms(t0));
    return v;
  } catch (err) {
    throw toStepError(step, err);
  }
}

/** Plays the flow; resolves when the player left cleanly, rejects with a StepError. */
export async function playOnce(plan: PlayerPlan, stats: WaveStats): Promise<void> {
  const T = plan.stepTimeoutMs;
  const login = await timed(stats, 'http_login', () => httpLogin(plan.appmgr, T));
  stats.landed('login', `${login.ip}:${login.port}`);

  let enter: { ip: string; port: number; token: string };
  let lc: FrameClient | undefined;
  try {
    await timed(stats, 'account_check', async () => {
      lc = await FrameClient.connect(login.port, login.ip, T, { tls: plan.tls });
      const rs = await lc.request(MsgId.C2L_AccountCheck, { account: plan.account, password: plan.password }, MsgId.L2C_AccountCheckRs, T);
      if ((rs.returnCode ?? 0) !== ReturnCode.OK) throw returnCodeError('account_check', rs.returnCode ?? 0);
    });
    enter = await timed(stats, 'enter_game', async () => {
      const rs = await lc!.request(MsgId.C2L_EnterGame, {}, MsgId.L2C_EnterGameRs, T);
      if ((rs.returnCode ?? 0) !== ReturnCode.OK) throw returnCodeError('enter_game', rs.returnCode ?? 0);
      if (!rs.ip || !rs.port || !rs.token) throw new StepError('enter_game', 'bad_response', `enter_game: L2C_EnterGameRs OK without ip/port/token: ${JSON.stringify(rs)}`);
      return { ip: rs.ip, port: rs.port, token: rs.token };
    });
  } finally {
    // The login closes after EnterGameRs anyway; the player has left login either way.
    lc?.destroy();
  }

  let gc: FrameClient | undefined;
  try {
    await timed(stats, 'game_login', async () => {
      gc = await FrameClient.connect(enter.port, enter.ip, T, { tls: plan.tls });
      const rs = await gc.request(MsgId.C2G_LoginByToken, { account: plan.account, token: enter.token }, MsgId.G2C_LoginByTokenRs, T);
      if ((rs.returnCode ?? 0) !== ReturnCode.OK) throw returnCodeError('game_login', rs.returnCode ?? 0);
    });
    stats.landed('game', `${enter.ip}:${enter.port}`);
    stats.flowsCompleted++;
    stats.lastFlowMs = Date.now();
    stats.inGame++;
    try {
      await inGame(gc!, plan, stats);
    } finally {
      stats.inGame--;
    }
    await leave(gc!);
  } finally {
    gc?.destroy();
  }
}

/** The in-game loop: echoes at the planned rate for the duration, a Ping every 15 s, until allowed to leave. */
async function inGame(c: FrameClient, plan: PlayerPlan, stats: WaveStats): Promise<void> {
  const T = plan.stepTimeoutMs;
  const start = Date.now();
  const echoUntil = start + plan.durationS * 1000;
  let held = plan.holdUntil === undefined;
  plan.holdUntil?.then(
    () => (held = true),
    () => (held = true),
  );
  const stop = new Promise<void>((resolve) => {
    if (plan.signal?.aborted) resolve();
    plan.signal?.addEventListener('abort', () => resolve(), { once: true });
    plan.holdUntil?.then(() => resolve(), () => resolve());
  });
  const closed = c.closed.then(() => undefined);
  const lost = (): StepError =>
    c.kickReason !== undefined
      ? toStepError('echo', Object.assign(new Error(`kicked while in game (reason ${kickReasonName(c.kickReason)})`), { kickReason: c.kickReason }))
      : toStepError('echo', Object.assign(new Error('game connection closed by the server while in game'), { code: 'CONNECTION_CLOSED' }));
  const echoEvery = plan.echoPerSec > 0 ? 1000 / plan.echoPerSec : Infinity;
  let nextEcho = start + (echoEvery === Infinity ? Infinity : Math.random() * echoEvery); // spread the first echoes
  let nextPing = start + PING_EVERY_MS;
  let seq = 0;
  const payload = randomBytes(16);
  for (;;) {
    if (plan.signal?.aborted) return;
    const now = Date.now();
    const echoing = now < echoUntil;
    if (!echoing && held) return;
    if (!c.isOpen) throw lost();
    if (echoing && now >= nextEcho) {
      payload.writeUInt32BE(seq++, 0);
      const sent = Buffer.from(payload);
      await timed(stats, 'echo', async () => {
        const rs = await c.request(MsgId.C2G_Echo, { payload: sent, clientTimeMs: Date.now() }, MsgId.G2C_Echo, T);
        if (!Buffer.from(rs.payload ?? new Uint8Array()).equals(sent)) throw new StepError('echo', 'payload_mismatch', `echo: G2C_Echo payload differs from the C2G_Echo sent (seq ${seq - 1})`);
      });
      stats.echoesOk++;
      nextEcho += echoEvery;
      if (nextEcho < Date.now()) nextEcho = Date.now(); // fell behind: do not burst
      continue;
    }
    if (now >= nextPing) {
      const t = Date.now();
      try {
        const pong = await c.request(MsgId.Ping, { clientTimeMs: t }, MsgId.Pong, T);
        if (num(pong.clientTimeMs) !== t) throw new StepError('echo', 'bad_pong', `echo: Pong echoed client_time_ms ${String(pong.clientTimeMs)}, sent ${t}`);
      } catch (err) {
        throw toStepError('echo', err);
      }
      stats.pingsOk++;
      nextPing += PING_EVERY_MS;
      continue;
    }
    const wakeAt = Math.min(echoing ? Math.min(nextEcho, echoUntil) : Infinity, nextPing);
    await wait(Math.max(1, wakeAt - now), closed, stop);
  }
}

/** Sleeps `ms` or until one of `wakers` settles; the timer is cleared so nothing outlives the player. */
function wait(ms: number, ...wakers: Promise<unknown>[]): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([t, ...wakers]).then(
    () => clearTimeout(timer),
    () => clearTimeout(timer),
  );
}

/** Leaves on purpose: C2G_Leave (no resume grace), FIN, wait (bounded) for the server to close, then drop the socket. */
async function leave(c: FrameClient): Promise<void> {
  c.send(MsgId.C2G_Leave, {});
  c.end();
  const t = setTimeout(() => c.destroy(), 2000);
  await c.closed;
  clearTimeout(t);
}
