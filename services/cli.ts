#!/usr/bin/env node
/**
 * The one entry point: `gamecluster <appmgr|login|game|robots|local|probe> [args]`. Each command lives in its own
 * folder's main.ts, loaded on demand so a login pod never loads appmgr's dependencies.
 */
const commands = {
  appmgr: { load: () => import('./appmgr/main.js'), about: 'HTTP /login + gRPC AppMgrService front door' },
  login: { load: () => import('./login/main.js'), about: 'login TCP server (+ /metrics /healthz /readyz on METRICS_PORT)' },
  game: { load: () => import('./game/main.js'), about: 'game TCP server (+ /metrics /healthz /readyz on METRICS_PORT)' },
  robots: { load: () => import('./robots/main.js'), about: 'load tester playing the whole player flow' },
  local: { load: () => import('./local/main.js'), about: 'a whole cluster on this machine plus a robot wave' },
  probe: { load: () => import('./pod/probe-main.js'), about: 'exec probe of hostNetwork pods (healthz|readyz on the ports the pod chose)' },
} as const satisfies Record<string, { load: () => Promise<{ main(argv: string[]): Promise<void> }>; about: string }>;

type Command = keyof typeof commands;

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.about}`);
  return `usage: gamecluster <command> [--help]\n\ncommands:\n${lines.join('\n')}\n\nConfiguration is by environment variables; see docs/operations.md.\n`;
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
  process.stdout.write(usage());
  process.exit(cmd === undefined ? 2 : 0);
}
if (!(cmd in commands)) {
  process.stderr.write(`gamecluster: unknown command ${JSON.stringify(cmd)}: expected one of ${Object.keys(commands).join('|')}\n`);
  process.exit(2);
}
const mod = await commands[cmd as Command].load();
await mod.main(rest);
