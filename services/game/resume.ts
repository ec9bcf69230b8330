/**
 * `C2G_Resume` and `C2G_Leave` on game (protocol.md "Resume"). Resume is the first message of a new connection
 * instead of C2G_LoginByToken: a right (account, resume_token) of a player still on this pod (away, or on a connection
 * the server has not seen die yet) → G2C_ResumeRs{OK, fresh token} and the session goes on on this connection;
 * a wrong or used token → TOKEN_INVALID, counted with the failed token logins towards MAX_TOKEN_FAILURES
 * (`token_failures`). Leave: the player leaves at once (no grace) and the server closes the connection.
 */
import type { Counter } from 'prom-client';
import type { Resume } from '../protocol/messages.js';
import { CloseReason, KickReason, MsgId, ReturnCode, returnCodeName } from '../protocol/wire.js';
import type { Conn } from '../socket/connection.js';
import type { GameHost } from './module/host.js';
import type { GameConnData } from './token-login.js';

export interface ResumeDeps {
  host: GameHost;
  resumes: Counter<'result'>;
  maxTokenFailures: number;
}

export function resumeHandler(d: ResumeDeps) {
  const answer = (conn: Conn<GameConnData>, code: ReturnCode, resumeToken = '') => {
    d.resumes.inc({ result: returnCodeName(code) });
    conn.send(MsgId.G2C_ResumeRs, resumeToken ? { returnCode: code, resumeToken } : { returnCode: code });
  };
  return (conn: Conn<GameConnData>, m: Resume): void => {
    if (conn.state === 'online') return answer(conn, ReturnCode.ALREADY_ONLINE);
    if (conn.data.pending) return answer(conn, ReturnCode.BUSY);
    const token = d.host.resume(conn, m.account ?? '', m.resumeToken ?? '');
    if (token === undefined) {
      answer(conn, ReturnCode.TOKEN_INVALID);
      if (++conn.data.failures >= d.maxTokenFailures) conn.violation(CloseReason.token_failures, KickReason.PROTOCOL_ERROR);
      return;
    }
    answer(conn, ReturnCode.OK, token);
    d.host.resumed(conn);
  };
}

export function leaveHandler(host: GameHost) {
  return (conn: Conn<GameConnData>): void => host.leaveNow(conn);
}
