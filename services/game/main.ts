/**
 * `gamecluster game`: only wiring — config (exit 2 on a bad variable) → logger → startGame → signal handling
 * (services/pod/pod-main.ts: SIGTERM drains, exits 0; a second signal forces exit).
 */
import { podMain } from '../pod/pod-main.js';
import { startGame } from './app.js';
import { gameEnvHelp, parseGameConfig } from './config.js';

const usage = `usage: gamecluster game [--help]

The game TCP server: C2G_LoginByToken redeems a single-use token (one session per account in the cluster; the older
one is kicked with DUPLICATE_LOGIN), then Ping/Pong and C2G_Echo. Heartbeats to Redis; /metrics /healthz /readyz on
METRICS_PORT. SIGTERM or DrainApp: no new players, kick at DRAIN_TIMEOUT_MS (SIGTERM then exits 0).

${gameEnvHelp}
`;

export async function main(argv: string[]): Promise<void> {
  await podMain(argv, { command: 'game', usage, parse: () => parseGameConfig(), start: startGame });
}
