/**
 * `C2G_LoginByToken` on game: redeems the token atomically for (account, this pod's app_id) — unknown, expired,
 * used, or issued for another account or another game pod → TOKEN_INVALID (the connection stays open and never
 * counts as online; the auth timeout still applies). On OK: the session is claimed cluster-wide (the older session
 * anywhere is kicked with DUPLICATE_LOGIN; on this pod directly), the connection is authenticated as the account
 * (player_id = account) and counts as online. Redis down → BUSY. A second LoginByToken on a connection that is
 * already online → ALREADY_ONLINE; one sent while another is pending → BUSY. A newer login of the account whose kick
 * arrives while this one's claim is in flight wins: this connection gets S2C_Kick{DUPLICATE_LOGIN}. Counted in
 * gamecluster_logins_total{app_type="game",result}. MAX_TOKEN_FAILURES failed attempts on one connection (token guessing)
 * close it after the last answer (`token_failures`, S2C_Kick{PROTOCOL_ERROR}). The OK answer carries the player's
 * `resume_token` (protocol.md "Resume"), then the game module's onJoin runs.
 */
import type { Counter } from 'prom-client';
import { boundChildren } from '../platform/hot-metrics.js';
import type { Logger } from '../platform/logger.js';
import type { LoginByToken } from '../protocol/messages.js';
import { CloseReason, KickReason, MsgId, ReturnCode, returnCodeName } from '../protocol/wire.js';
import type { TokenStore } from '../registry/index.js';
import type { Conn } from '../socket/connection.js';
import type { GameSessions } from './sessions.js';

export interface GameConnData {
  pending: boolean;
  /** Failed token logins on this connection (MAX_TOKEN_FAILURES closes it: token guessing). */
  failures: number;
}

export const newGameConnData = (): GameConnData => ({ pending: false, failures: 0 });

export interface TokenLoginDeps {
  appId: string;
  tokens: TokenStore;
  sessions: GameSessions;
  logins: Counter<'app_type' | 'result'>;
  logger: Logger;
  /** Failed token logins one connection may make; the last one is answered, then the connection is closed. */
  maxTokenFailures: number;
  onOnline: () => void;
  /**
   * A successful redeem is now accounted for: the player is counted in online (or never will be: he left, or the
   * session claim failed). Called exactly once per successful redeem, in the same tick as the online change.
   */
  onRedeemCounted: () => void;
  /** The player exists from now on (the game module host); returns his resume token for the answer. */
  join?: (conn: Conn<GameConnData>) => string;
  /** After the OK answer was sent (the module's onJoin). */
  joined?: (conn: Conn<GameConnData>) => void;
}

export function tokenLoginHandler(d: TokenLoginDeps) {
  let redisFailing = false;
  const byCode = boundChildren((code: number) => d.logins.labels({ app_type: 'game', result: returnCodeName(code) }));
  const answer = (conn: Conn<GameConnData>, code: ReturnCode, playerId = '', resumeToken = '') => {
    byCode(code).inc();
    conn.send(MsgId.G2C_LoginByTokenRs, resumeToken ? { returnCode: code, playerId, resumeToken } : { returnCode: code, playerId });
  };
  const invalid = (conn: Conn<GameConnData>) => {
    answer(conn, ReturnCode.TOKEN_INVALID);
    if (++conn.data.failures >= d.maxTokenFailures) conn.violation(CloseReason.token_failures, KickReason.PROTOCOL_ERROR);
  };
  const busy = (conn: Conn<GameConnData>, err: unknown) => {
    if (!redisFailing) {
      redisFailing = true;
      d.logger.warn({ err: (err as Error).message, code: (err as { code?: string }).code }, 'token login: Redis unavailable: answering BUSY');
    }
    answer(conn, ReturnCode.BUSY);
  };
  return async (conn: Conn<GameConnData>, m: LoginByToken): Promise<void> => {
    if (conn.state === 'online') return answer(conn, ReturnCode.ALREADY_ONLINE, conn.objectKey);
    if (conn.data.pending) return answer(conn, ReturnCode.BUSY);
    const account = m.account ?? '';
    const token = m.token ?? '';
    if (!account || account.length > 64 || !token) return invalid(conn);
    conn.data.pending = true;
    try {
      let claimed: 'ok' | 'kicked';
      if (d.sessions.redeemsAndClaims) {
        // One round trip (redeem, then claim, in one script); a failure leaves it unknown whether it redeemed, as a
        // redeem whose answer was lost does, so it is not counted as a redeem.
        let r: 'ok' | 'kicked' | 'invalid';
        try {
          r = await d.sessions.redeemAndClaim(token, account, conn.socketKey);
        } catch (err) {
          return busy(conn, err);
        }
        if (r === 'invalid') return invalid(conn);
        claimed = r;
      } else {
        let r: 'ok' | 'invalid';
        try {
          r = await d.tokens.redeem(token, account, d.appId);
        } catch (err) {
          return busy(conn, err);
        }
        if (r !== 'ok') return invalid(conn);
        try {
          claimed = await d.sessions.claim(account, conn.socketKey);
        } catch (err) {
          d.onRedeemCounted();
          return busy(conn, err);
        }
      }
      if (redisFailing) (redisFailing = false), d.logger.info('token login: Redis available again');
      if (claimed === 'kicked') {
        // A newer login of this account claimed after us and its kick arrived before our claim's answer.
        d.onRedeemCounted();
        d.logger.info({ account, socketKey: conn.socketKey }, 'duplicate login: kicking the older session (it was still logging in)');
        conn.kick(KickReason.DUPLICATE_LOGIN);
        return;
      }
      if (conn.state !== 'authenticating') {
        // Left while we were redeeming: give the session record back.
        d.onRedeemCounted();
        d.sessions.release(account, conn.socketKey);
        return;
      }
      // The older session on this pod goes now, not when the pub/sub message comes back.
      d.sessions.kickOtherLocal(account, conn.socketKey);
      conn.authenticate(account);
      const resumeToken = d.join?.(conn) ?? '';
      d.onRedeemCounted();
      d.onOnline();
      answer(conn, ReturnCode.OK, account, resumeToken);
      d.joined?.(conn);
    } finally {
      conn.data.pending = false;
    }
  };
}
