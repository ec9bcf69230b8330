/**
 * `gamecluster login`: only wiring — config (exit 2 on a bad variable) → logger → startLogin → signal handling
 * (services/pod/pod-main.ts: SIGTERM drains, exits 0; a second signal forces exit).
 */
import { podMain } from '../pod/pod-main.js';
import { LOGIN_CAPS, startLogin } from './app.js';
import { loginEnvHelp, parseLoginConfig } from './config.js';

const usage = `usage: gamecluster login [--help]

The login TCP server: C2L_AccountCheck (AUTH_MODE open|http), C2L_EnterGame → AllocateGame on appmgr → single-use
token → L2C_EnterGameRs{ip,port,token}. Heartbeats to Redis; /metrics /healthz /readyz on METRICS_PORT.
SIGTERM or DrainApp: no new players, kick at DRAIN_TIMEOUT_MS (SIGTERM then exits 0).

${loginEnvHelp}
`;

export async function main(argv: string[]): Promise<void> {
  // A WORKERS>1 primary heartbeats for its workers: it publishes the caps they would.
  await podMain(argv, { command: 'login', usage, parse: () => parseLoginConfig(), start: startLogin, heartbeat: { caps: LOGIN_CAPS } });
}
