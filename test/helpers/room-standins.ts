/**
 * Scripted stand-ins for the three hops of a room flow, in-process on loopback, built on the servers' own socket
 * layer (FrameServer: what a client sends is decoded as a login/game pod decodes it): an HTTP `/login` that records
 * its query, a login whose `C2L_EnterGame` answers from `enter` (a script), and a game that redeems `room:<id>`
 * tokens (answering `room_id`), refuses every `C2G_Resume` (as after the grace) and ends on `C2G_Leave`. Used by the
 * SDK's and the robots' room tests until the registry side runs them for real (test/client-rooms.test.ts).
 * `rooms()` is a default script with real seats: create/find open a room of `max_players` (the mode's: 4), a join
 * takes a seat or answers ROOM_NOT_FOUND / ROOM_FULL.
 */
import { createServer, type Server } from 'node:http';
import { pino } from 'pino';
import { createPodMetrics } from '../../services/platform/metrics.js';
import type { EnterGame } from '../../services/protocol/messages.js';
import { MsgId, ReturnCode, RoomId } from '../../services/protocol/wire.js';
import { FrameServer } from '../../services/socket/frame-server.js';

export type RoomAsk = EnterGame['room'];
export type EnterAnswer = { roomId: string } | { code: number };

export interface RoomStandins {
  appmgr: string;
  gamePort: number;
  /** `/login` queries, EnterGame room requests and game tokens redeemed, in order. */
  queries: Record<string, string>[];
  enters: RoomAsk[];
  redeems: string[];
  /** The login's answer to each EnterGame (replace it at will). */
  enter: (room: RoomAsk, account: string) => EnterAnswer;
  close(): Promise<void>;
}

let seq = 0;
/** A fresh, valid room id. */
export function freshRoomId(): string {
  const a = RoomId.alphabet;
  let n = seq++;
  let id = '';
  for (let i = 0; i < RoomId.length; i++, n = Math.floor(n / a.length)) id = a[n % a.length] + id;
  return id;
}

/** A script with real seats: create/find open rooms (find fills the open one first), join takes a seat. No room: ''. */
export function rooms(modeMax = 4): (room: RoomAsk) => EnterAnswer {
  const seats = new Map<string, { max: number; taken: number; public: boolean }>();
  return (room) => {
    if (!room) return { roomId: '' };
    if (room.join) {
      const r = seats.get(room.join.roomId ?? '');
      if (!r) return { code: ReturnCode.ROOM_NOT_FOUND };
      if (r.taken >= r.max) return { code: ReturnCode.ROOM_FULL };
      r.taken++;
      return { roomId: room.join.roomId! };
    }
    const spec = room.create ?? room.find!;
    const max = spec.maxPlayers || modeMax;
    if (room.find) {
      for (const [id, r] of seats) if (r.public && r.max === max && r.taken < r.max) return (r.taken++, { roomId: id });
    }
    const id = freshRoomId();
    seats.set(id, { max, taken: 1, public: !room.create?.isPrivate });
    return { roomId: id };
  };
}

export async function startRoomStandins(): Promise<RoomStandins> {
  const silent = pino({ level: 'silent' });
  let loginPort = 0;
  const st: RoomStandins = { appmgr: '', gamePort: 0, queries: [], enters: [], redeems: [], enter: rooms(), close: async () => {} };

  const http: Server = createServer((req, res) => {
    st.queries.push(Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ returncode: 0, ip: '127.0.0.1', port: loginPort }));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  st.appmgr = `http://127.0.0.1:${(http.address() as { port: number }).port}`;

  const login = new FrameServer<{ account: string }>({ role: 'login', logger: silent, metrics: createPodMetrics('login'), initialData: () => ({ account: '' }) });
  login.handle(MsgId.C2L_AccountCheck, { requiresAuth: false }, (c, m) => {
    c.authenticate(m.account!);
    c.data.account = m.account!;
    c.send(MsgId.L2C_AccountCheckRs, { returnCode: ReturnCode.OK, playerId: m.account! });
  });
  login.handle(MsgId.C2L_EnterGame, { requiresAuth: true }, (c, m) => {
    st.enters.push(m.room ?? null);
    const a = st.enter(m.room ?? null, c.data.account);
    if ('code' in a) return void c.send(MsgId.L2C_EnterGameRs, { returnCode: a.code });
    c.send(MsgId.L2C_EnterGameRs, { returnCode: ReturnCode.OK, ip: '127.0.0.1', port: st.gamePort, token: `room:${a.roomId}`, roomId: a.roomId });
  });
  loginPort = await login.listen(0, '127.0.0.1');

  const game = new FrameServer<object>({ role: 'game', logger: silent, metrics: createPodMetrics('game'), initialData: () => ({}) });
  game.handle(MsgId.Ping, { requiresAuth: false }, (c, m) => void c.send(MsgId.Pong, { clientTimeMs: m.clientTimeMs ?? 0, serverTimeMs: Date.now() }));
  game.handle(MsgId.C2G_LoginByToken, { requiresAuth: false }, (c, m) => {
    st.redeems.push(m.token ?? '');
    const roomId = /^room:(\w*)$/.exec(m.token ?? '')?.[1];
    if (roomId === undefined || !m.account) return void c.send(MsgId.G2C_LoginByTokenRs, { returnCode: ReturnCode.TOKEN_INVALID });
    c.authenticate(m.account);
    c.send(MsgId.G2C_LoginByTokenRs, { returnCode: ReturnCode.OK, playerId: m.account, resumeToken: 'r'.repeat(32), roomId });
  });
  game.handle(MsgId.C2G_Resume, { requiresAuth: false }, (c) => void c.send(MsgId.G2C_ResumeRs, { returnCode: ReturnCode.TOKEN_INVALID }));
  game.handle(MsgId.C2G_Leave, { requiresAuth: true }, (c) => c.end());
  st.gamePort = await game.listen(0, '127.0.0.1');

  st.close = async () => {
    await new Promise((r) => http.close(r));
    await login.close();
    await game.close();
  };
  return st;
}
