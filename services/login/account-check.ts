/**
 * `C2L_AccountCheck` on login: validates the account's shape, asks the configured Authenticator (open or http),
 * answers `L2C_AccountCheckRs{return_code, player_id}` and on OK authenticates the connection as the account
 * (ObjectKey = account). A second check of the same account on this pod kicks the older login connection with
 * S2C_Kick{DUPLICATE_LOGIN}. Every non-OK answer counts as a failed check; the 5th failure on one connection closes
 * it after the answer. One check at a time per connection: a check sent while one is pending is answered BUSY.
 */
import type { Counter } from 'prom-client';
import { boundChildren } from '../platform/hot-metrics.js';
import type { AccountCheck } from '../protocol/messages.js';
import { KickReason, MsgId, ReturnCode, returnCodeName, validAccount } from '../protocol/wire.js';
import type { Conn } from '../socket/connection.js';
import type { FrameServer } from '../socket/frame-server.js';

export const MAX_FAILED_CHECKS = 5;
export { validAccount }; // the account shape is the protocol's (wire.ts); checked here in every auth mode

export interface AuthResult {
  code: ReturnCode;
  playerId?: string;
}

/** Decides whether (account, password) may log in. Never throws: failures are return codes (BUSY). */
export interface Authenticator {
  check(account: string, password: string): Promise<AuthResult>;
}

/** AUTH_MODE=open: every well-formed account is accepted; its player id is the account. */
export const openAuthenticator: Authenticator = {
  check: async (account) => ({ code: ReturnCode.OK, playerId: account }),
};

/** Per-connection state of a login connection. */
export interface LoginConnData {
  failedChecks: number;
  checking: boolean;
  entering: boolean;
  playerId: string | undefined;
}

export const newLoginConnData = (): LoginConnData => ({ failedChecks: 0, checking: false, entering: false, playerId: undefined });

export interface AccountCheckDeps {
  server: FrameServer<LoginConnData>;
  auth: Authenticator;
  logins: Counter<'app_type' | 'result'>;
  /** Called after the connection was authenticated (online count changed). */
  onOnline: () => void;
}

export function accountCheckHandler(d: AccountCheckDeps) {
  const byCode = boundChildren((code: number) => d.logins.labels({ app_type: 'login', result: returnCodeName(code) }));
  const count = (code: number) => byCode(code).inc();
  const answer = (conn: Conn<LoginConnData>, code: ReturnCode, playerId = '') => {
    count(code);
    conn.send(MsgId.L2C_AccountCheckRs, { returnCode: code, playerId });
    if (code !== ReturnCode.OK && ++conn.data.failedChecks >= MAX_FAILED_CHECKS) conn.end();
  };
  return async (conn: Conn<LoginConnData>, m: AccountCheck): Promise<void> => {
    if (conn.data.checking) return answer(conn, ReturnCode.BUSY);
    const account = m.account ?? '';
    if (!validAccount(account)) return answer(conn, ReturnCode.ACCOUNT_NOT_FOUND);
    conn.data.checking = true;
    let r: AuthResult;
    try {
      r = await d.auth.check(account, m.password ?? '');
    } finally {
      conn.data.checking = false;
    }
    if (conn.state === 'closing' || conn.state === 'closed') return;
    if (r.code !== ReturnCode.OK) return answer(conn, r.code);
    const older = d.server.findByObjectKey(account);
    if (older && older !== conn) {
      const id = older.identity();
      if (id) d.server.kick(id, KickReason.DUPLICATE_LOGIN);
    }
    conn.data.playerId = r.playerId ?? account;
    conn.authenticate(account);
    d.onOnline();
    answer(conn, ReturnCode.OK, conn.data.playerId);
  };
}
