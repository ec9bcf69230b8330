/**
 * `C2L_EnterGame` on login (only after a successful account check): asks appmgr for the least-loaded game
 * (AllocateGame), issues a single-use token bound to (account, that game's app_id) in Redis and answers
 * `L2C_EnterGameRs{OK, ip, port, token}` — a player connected over WebSocket is allocated a game with a WebSocket
 * listener (`AllocateGame{websocket: true}`) and `port` is that game's WebSocket port — then closes the connection once the answer is flushed (the player has
 * left login). appmgr's NO_APP → NO_APP; appmgr or Redis unavailable → BUSY; on an error the connection stays open
 * so the client may retry. One EnterGame at a time per connection (another while one is pending → BUSY).
 */
import type { Logger } from '../platform/logger.js';
import { MsgId, ReturnCode } from '../protocol/wire.js';
import type { TokenStore } from '../registry/index.js';
import type { Conn } from '../socket/connection.js';
import type { LoginConnData } from './account-check.js';
import type { AllocateResult } from './appmgr-client.js';

export interface EnterGameDeps {
  /** `websocket`: the player is on a WebSocket connection (he gets a game's WebSocket port). */
  allocate: (account: string, websocket: boolean) => Promise<AllocateResult>;
  tokens: TokenStore;
  logger: Logger;
}

export function enterGameHandler(d: EnterGameDeps) {
  let tokenFailing = false;
  const fail = (conn: Conn<LoginConnData>, code: ReturnCode) => conn.send(MsgId.L2C_EnterGameRs, { returnCode: code, ip: '', port: 0, token: '' });
  return async (conn: Conn<LoginConnData>): Promise<void> => {
    if (conn.data.entering) return void fail(conn, ReturnCode.BUSY);
    const account = conn.objectKey!;
    conn.data.entering = true;
    try {
      const game = await d.allocate(account, conn.net === 'ws');
      if (game.kind !== 'ok') return void fail(conn, game.kind === 'no_app' ? ReturnCode.NO_APP : ReturnCode.BUSY);
      let token: string;
      try {
        token = await d.tokens.issue(account, game.appId);
        if (tokenFailing) (tokenFailing = false), d.logger.info('tokens: issuing again');
      } catch (err) {
        if (!tokenFailing) {
          tokenFailing = true;
          d.logger.warn({ err: (err as Error).message, code: (err as { code?: string }).code }, 'tokens: cannot issue (Redis unavailable): EnterGame answers BUSY');
        }
        return void fail(conn, ReturnCode.BUSY);
      }
      if (conn.send(MsgId.L2C_EnterGameRs, { returnCode: ReturnCode.OK, ip: game.ip, port: game.port, token })) conn.end();
    } finally {
      conn.data.entering = false;
    }
  };
}
