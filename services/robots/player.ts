/**
 * One robot = one game client playing the whole flow once, through the client SDK (services/client: the one client
 * implementation) with `resume: false, retry: false` so every failure is counted instead of hidden: GET /login (one
 * request per connection, `connection: close`) → login (account check, enter game) → game (token login) → echo loop
 * (the SDK pings every 15 s) → leave (C2G_Leave where the server knows it, else a close). Nothing is reused across
 * players, so every player costs the cluster what a real client costs. The SDK's timing events fill the wave's
 * histograms with the same steps as always:
 *   http_login = the whole HTTP exchange; account_check = login connect + AccountCheck round trip;
 *   enter_game = EnterGame round trip; game_login = game connect + LoginByToken round trip; echo = one round trip.
 * A failure throws a StepError (bounded reason) that run.ts counts; the player's connections are always closed.
 */
import { randomBytes } from 'node:crypto';
import { ClientError, connect, type CloseEvent, type NodeTlsOptions, type RoomOption, type Session, type TimingEvent } from '../client/index.js';
import { arenaDefinition, playArena, type ArenaDefinition } from './scenario-arena.js';
import type { PartySeat } from './scenario-rooms.js';
import { StepError, STEPS, toStepError, type Step, type WaveStats } from './stats.js';

export const PING_EVERY_MS = 15_000;

export interface PlayerPlan {
  appmgr: string;
  account: string;
  password: string;
  durationS: number;
  echoPerSec: number;
  stepTimeoutMs: number;
  /** TLS options for the login and game connections (absent: plain TCP). */
  tls?: NodeTlsOptions | undefined;
  /** tcp (default) or ws (the pods' WS_PORT listeners, `/login?transport=ws`). */
  transport?: 'tcp' | 'ws';
  /** Wait in the admission queue (`/login?queue=1`) like a player would. */
  queue?: boolean;
  /** echo (default), arena (scenario-arena.ts) or rooms (scenario-rooms.ts: `party` says the robot's seat). */
  scenario?: 'echo' | 'arena' | 'rooms';
  /** --scenario rooms: this robot's place in its party (host: creates the room; else joins the host's by id). */
  party?: PartySeat;
  /** Resolves when the player may leave (after its duration); lets a caller measure while everyone is online. */
  holdUntil?: Promise<unknown>;
  /** Aborting makes an in-game player leave at once. */
  signal?: AbortSignal;
}

/** An SDK error as the robots' bounded failure row: the same step names; queue failures count at http_login. */
export function robotError(err: unknown, inGame = false): StepError {
  if (err instanceof StepError) return err;
  if (err instanceof ClientError) {
    const step: Step = (STEPS as readonly string[]).includes(err.step) && !inGame ? (err.step as Step) : err.step === 'queue' ? 'http_login' : 'echo';
    return new StepError(step, err.code, `${step}: ${err.message}`);
  }
  return toStepError(inGame ? 'echo' : 'http_login', err);
}

/** Records the SDK's step timings (and where the player landed) into the wave's stats. */
export function timingRecorder(stats: WaveStats): (e: TimingEvent) => void {
  return (e) => {
    if (e.step === 'queue_wait') return stats.recordQueueWait(e.ms);
    if (e.step === 'resume') return;
    stats.record(e.step, e.ms);
    if (e.step === 'http_login' && e.address) stats.landed('login', e.address);
    if (e.step === 'game_login' && e.address) stats.landed('game', e.address);
  };
}

/** Plays the flow; resolves when the player left cleanly, rejects with a StepError. */
export async function playOnce(plan: PlayerPlan, stats: WaveStats): Promise<void> {
  let s: Session<any, any>;
  const arena = plan.scenario === 'arena' ? await arenaDefinition() : undefined;
  let room: RoomOption | undefined;
  try {
    room = await plan.party?.room(); // a joiner waits for its host's room id here (not timed)
  } catch (err) {
    throw robotError(err);
  }
  const t0 = performance.now();
  try {
    s = await connect({
      appmgr: plan.appmgr,
      account: plan.account,
      password: plan.password,
      transport: plan.transport ?? 'tcp',
      tls: plan.tls ?? false,
      queue: plan.queue ?? false,
      resume: false,
      retry: false,
      stepTimeoutMs: plan.stepTimeoutMs,
      ...(arena ? { proto: arena.proto, messages: arena.messages } : {}),
      ...(room ? { room } : {}),
      on: { timing: timingRecorder(stats) },
    });
  } catch (err) {
    const e = robotError(err);
    plan.party?.failed(e);
    throw e;
  }
  try {
    plan.party?.landed(s, performance.now() - t0);
  } catch (err) {
    await s.leave();
    throw robotError(err);
  }
  const offPong = s.on('pong', () => stats.pingsOk++);
  stats.flowsCompleted++;
  stats.lastFlowMs = Date.now();
  stats.inGame++;
  try {
    try {
      // A room robot stays (pinging) like an echo robot that does not echo: the pods run a room module, not echo.
      await (arena ? inArena(s, plan, stats, arena) : inGame(s, plan.scenario === 'rooms' ? { ...plan, echoPerSec: 0 } : plan, stats));
    } finally {
      stats.inGame--;
    }
    await s.leave();
  } finally {
    offPong();
    if (s.state !== 'closed') s.dropConnection(); // a failed echo: the connection goes now, like a client giving up
  }
}

/** Waits until the player may leave: `holdUntil` settled, the signal aborted. */
function stopSignal(plan: PlayerPlan): Promise<void> {
  return new Promise<void>((resolve) => {
    if (plan.signal?.aborted) resolve();
    plan.signal?.addEventListener('abort', () => resolve(), { once: true });
    plan.holdUntil?.then(() => resolve(), () => resolve());
  });
}

/** Arena: moves and watches State until allowed to leave; a lost session fails the robot as in the echo loop. */
async function inArena(s: Session<any, any>, plan: PlayerPlan, stats: WaveStats, arena: ArenaDefinition): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const duration = new Promise((r) => (timer = setTimeout(r, plan.durationS * 1000)));
  let lostErr: StepError | undefined;
  const lost = s.closed.then((e) => {
    lostErr = robotError(e.error ?? new ClientError('game', 'closed_by_server', 'game connection closed while in game'), true);
  });
  const mayLeave = Promise.all([duration, plan.holdUntil?.catch(() => undefined)]);
  try {
    await playArena(s, plan.account, arena, stats, Promise.race([mayLeave, stopSignal(plan), lost]));
  } catch (err) {
    throw lostErr ?? err;
  } finally {
    clearTimeout(timer);
  }
  if (lostErr) throw lostErr;
}

/** The in-game loop: echoes at the planned rate for the duration, until allowed to leave (the SDK pings meanwhile). */
async function inGame(s: Session<any, any>, plan: PlayerPlan, stats: WaveStats): Promise<void> {
  const T = plan.stepTimeoutMs;
  const start = Date.now();
  const echoUntil = start + plan.durationS * 1000;
  let held = plan.holdUntil === undefined;
  plan.holdUntil?.then(
    () => (held = true),
    () => (held = true),
  );
  const stop = stopSignal(plan);
  let closeEvent: CloseEvent | undefined;
  const closed = s.closed.then((e) => (closeEvent = e));
  const lost = (): StepError => robotError(closeEvent?.error ?? new ClientError('game', 'closed_by_server', 'game connection closed while in game'), true);
  const echoEvery = plan.echoPerSec > 0 ? 1000 / plan.echoPerSec : Infinity;
  let nextEcho = start + (echoEvery === Infinity ? Infinity : Math.random() * echoEvery); // spread the first echoes
  let seq = 0;
  const payload = randomBytes(16);
  for (;;) {
    if (plan.signal?.aborted) return;
    const now = Date.now();
    const echoing = now < echoUntil;
    if (!echoing && held) return;
    if (s.state !== 'online') {
      await closed;
      throw lost();
    }
    if (echoing && now >= nextEcho) {
      payload.writeUInt32BE(seq++, 0);
      const sent = Buffer.from(payload);
      const t0 = performance.now();
      let rs;
      try {
        rs = await s.request('Echo', { payload: sent, clientTimeMs: Date.now() }, 'Echo', T);
      } catch (err) {
        throw robotError(err, true);
      }
      stats.record('echo', performance.now() - t0);
      if (!Buffer.from(rs.payload ?? new Uint8Array()).equals(sent)) throw new StepError('echo', 'payload_mismatch', `echo: G2C_Echo payload differs from the C2G_Echo sent (seq ${seq - 1})`);
      stats.echoesOk++;
      nextEcho += echoEvery;
      if (nextEcho < Date.now()) nextEcho = Date.now(); // fell behind: do not burst
      continue;
    }
    const wakeAt = echoing ? Math.min(nextEcho, echoUntil) : Infinity;
    await wait(wakeAt === Infinity ? 2 ** 31 - 1 : Math.max(1, wakeAt - now), closed, stop);
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
