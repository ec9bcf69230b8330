/**
 * The Node flags each `gamecluster` command runs with (issue 25: what ships is what was measured). Login and game
 * pods get a young generation capped at 1 MiB per semi-space: a login burst otherwise grows it for good, and the
 * game pod's RSS per idle player with it (docs/benchmarks.md "Memory per idle player": 7.3 → 3.6 KB). appmgr does
 * not: a request stream scavenges a 1 MiB young generation constantly (84 vs 47 µs CPU per `/login`).
 * V8 sizes the young generation at start only (`v8.setFlagsFromString` does not resize it on Node 20), so the flags
 * are on the command line of the process that serves: `bin/gamecluster` (the package's binary and the image's
 * entrypoint, a shell script that execs node with them — the same table, `test/node-flags.test.ts` checks both
 * agree) and `gamecluster local`'s children (services/local/child-process.ts); a `WORKERS>1` primary forks its
 * workers with its own flags. A `--max-semi-space-size` already in NODE_OPTIONS (the chart's `<component>.nodeOptions`,
 * an operator's choice) wins: the default is then left out.
 */

/** Flags by command; a command not listed gets none. */
export const COMMAND_NODE_FLAGS: Readonly<Record<string, readonly string[]>> = {
  login: ['--max-semi-space-size=1'],
  game: ['--max-semi-space-size=1'],
};

/** The flags `command` runs with, given the NODE_OPTIONS of its environment. */
export function nodeFlagsFor(command: string, nodeOptions: string | undefined): string[] {
  const flags = COMMAND_NODE_FLAGS[command] ?? [];
  if (nodeOptions?.includes('--max-semi-space-size')) return [];
  return [...flags];
}
