/**
 * Finds, imports and validates the game module a pod runs (`--module` / GAME_MODULE, docs/game-modules.md):
 * `echo` and `arena` are the built-ins; a value containing `/` or ending in .js/.mjs is a path from the working
 * directory; anything else is a package resolved from /app/game/node_modules (the studio image's folder). The
 * module's proto is loaded with protobufjs and every declared message type must exist in it. Any problem is one
 * ModuleLoadError naming the file (main prints its message and exits 2).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import protobuf from 'protobufjs';
import { GameDefinitionError, validateDefinition, type GameDefinition, type MessageDecl } from './define.js';
import echo from './echo.js';
import { ownBytesCopier } from './own-bytes.js';

/** Where a studio image keeps its module (and its node_modules). */
export const GAME_DIR = '/app/game';

export class ModuleLoadError extends Error {
  readonly code = 'GAME_MODULE_INVALID';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`game module ${file}: ${problem}`);
    this.name = 'ModuleLoadError';
  }
}

/** A declared message with its protobuf type resolved. */
export interface LoadedMessage extends MessageDecl {
  id: number;
  codec: protobuf.Type;
  /** Replaces the decoded message's `bytes` fields by copies of their own (own-bytes.ts); absent: it has none. */
  ownBytes?: ((message: Record<string, unknown>) => void) | undefined;
}

export interface LoadedGame {
  def: GameDefinition;
  /** Where it came from (`builtin:echo`, a file path). */
  file: string;
  byId: ReadonlyMap<number, LoadedMessage>;
  byName: ReadonlyMap<string, LoadedMessage>;
}

/** True for the built-in stateless module (the only one WORKERS>1 allows). */
export const isEcho = (spec: string) => spec === 'echo';

/** The file of the built-in arena: dist/examples/arena (package) or examples/arena (source, under tsx). */
function arenaFile(): string {
  const candidates = [new URL('../../examples/arena/arena.js', import.meta.url), new URL('../../../examples/arena/arena.ts', import.meta.url)];
  for (const c of candidates) if (existsSync(c)) return fileURLToPath(c);
  return fileURLToPath(candidates[0]!);
}

/** The file `spec` names (throws ModuleLoadError when a package cannot be found). */
export function resolveModuleFile(spec: string, cwd = process.cwd(), gameDir = GAME_DIR): string {
  if (spec === 'arena') return arenaFile();
  if (spec.includes('/') || /\.(m?js|ts)$/.test(spec)) return resolvePath(cwd, spec);
  try {
    return createRequire(join(gameDir, 'package.json')).resolve(spec);
  } catch {
    // ESM-only packages (exports with only an `import` condition) are not require-resolvable: read their package.json.
    const pkgDir = join(gameDir, 'node_modules', spec);
    const pkgFile = join(pkgDir, 'package.json');
    if (!existsSync(pkgFile)) throw new ModuleLoadError(spec, `package not found in ${join(gameDir, 'node_modules')}`);
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports?: unknown; main?: string };
    const e = pkg.exports as Record<string, unknown> | string | undefined;
    const dot = typeof e === 'string' ? e : (e?.['.'] ?? e);
    const target = typeof dot === 'string' ? dot : ((dot as Record<string, unknown> | undefined)?.import ?? (dot as Record<string, unknown> | undefined)?.default);
    return join(pkgDir, typeof target === 'string' ? target : (pkg.main ?? 'index.js'));
  }
}

/** Loads and validates the module `spec` names. */
export async function loadGameModule(spec: string, cwd = process.cwd(), gameDir = GAME_DIR): Promise<LoadedGame> {
  if (spec === 'echo') return bind(echo, 'builtin:echo');
  const file = resolveModuleFile(spec, cwd, gameDir);
  if (!existsSync(file)) throw new ModuleLoadError(file, 'no such file');
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (err) {
    // defineGame throws at import time (possibly from another copy of this package: matched by code, not class).
    if ((err as { code?: string }).code === 'GAME_DEFINITION_INVALID') throw new ModuleLoadError(file, oneLine((err as Error).message));
    throw new ModuleLoadError(file, `cannot import: ${oneLine((err as Error).message ?? String(err))}`);
  }
  const def = mod.default ?? mod.game;
  try {
    validateDefinition(def);
  } catch (err) {
    if (err instanceof GameDefinitionError) throw new ModuleLoadError(file, err.problem);
    throw err;
  }
  return bind(def, file);
}

async function bind(def: GameDefinition, file: string): Promise<LoadedGame> {
  const byId = new Map<number, LoadedMessage>();
  const byName = new Map<string, LoadedMessage>();
  const decls = Object.entries(def.messages ?? {});
  if (decls.length > 0) {
    const protoPath = def.proto instanceof URL ? fileURLToPath(def.proto) : resolvePath(dirname(file), def.proto!);
    let root: protobuf.Root;
    try {
      root = await protobuf.load(protoPath);
    } catch (err) {
      throw new ModuleLoadError(file, `proto ${protoPath}: ${oneLine((err as Error).message)}`);
    }
    for (const [k, m] of decls) {
      let codec: protobuf.Type;
      try {
        codec = root.lookupType(m.type);
      } catch {
        throw new ModuleLoadError(file, `messages[${k}].type: ${m.type} is not a message of ${protoPath}`);
      }
      const lm: LoadedMessage = { ...m, id: Number(k), codec, ownBytes: m.from === 'client' ? ownBytesCopier(codec) : undefined };
      byId.set(lm.id, lm);
      byName.set(lm.name, lm);
    }
  }
  return { def, file, byId, byName };
}

const oneLine = (s: string) => s.split('\n')[0]!.slice(0, 300);
