import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { defineGame, GameDefinitionError } from './define.js';
import { loadGameModule, ModuleLoadError, resolveModuleFile } from './load.js';

test('defineGame: ids 10000–65535, a direction, a type, unique names, a proto with messages, tickHz with onTick', () => {
  const ok = { name: 'g', proto: 'x.proto', messages: { 10000: { name: 'A', from: 'client', type: 'x.A' }, 65535: { name: 'B', from: 'server', type: 'x.B' } } } as const;
  assert.equal(defineGame(ok), ok);
  const bad: [object, RegExp][] = [
    [{ name: '' }, /^name/],
    [{ name: 'g', proto: 'x', messages: { 9999: { name: 'A', from: 'client', type: 'x.A' } } }, /id 9999 is outside 10000–65535/],
    [{ name: 'g', proto: 'x', messages: { 65536: { name: 'A', from: 'client', type: 'x.A' } } }, /id 65536/],
    [{ name: 'g', proto: 'x', messages: { 10001: { name: 'A', from: 'both', type: 'x.A' } } }, /from: 'client' or 'server'/],
    [{ name: 'g', proto: 'x', messages: { 10001: { name: 'A', from: 'client', type: 'x.A' }, 10002: { name: 'A', from: 'server', type: 'x.B' } } }, /declared twice/],
    [{ name: 'g', messages: { 10001: { name: 'A', from: 'client', type: 'x.A' } } }, /^proto: required/],
    [{ name: 'g', tickHz: 20 }, /onTick is missing/],
    [{ name: 'g', tickHz: -1, onTick() {} }, /^tickHz/],
    [{ name: 'g', onJoin: 'nope' }, /^onJoin: a function/],
  ];
  for (const [def, re] of bad) assert.throws(() => defineGame(def as never), (e: Error) => e instanceof GameDefinitionError && re.test(e.message), JSON.stringify(def));
});

test('defineGame rooms: modes of [a-z0-9_-]{1,32}, maxPlayers 1..1000, emptyTimeoutMs 0..1 h; room hooks need rooms', () => {
  const ok = { name: 'g', rooms: { modes: { duel: { maxPlayers: 2 }, 'battle_royale-100': { maxPlayers: 1000, emptyTimeoutMs: 0 } } }, onRoomCreate() {}, onRoomDispose() {} };
  assert.equal(defineGame(ok), ok);
  const bad: [object, RegExp][] = [
    [{ name: 'g', rooms: {} }, /^rooms: \{ modes/],
    [{ name: 'g', rooms: { modes: [] } }, /^rooms: \{ modes/],
    [{ name: 'g', rooms: { modes: {} } }, /at least one mode/],
    [{ name: 'g', rooms: { modes: { Duel: { maxPlayers: 2 } } } }, /mode name "Duel" must be 1-32 chars/],
    [{ name: 'g', rooms: { modes: { ['m'.repeat(33)]: { maxPlayers: 2 } } } }, /must be 1-32 chars/],
    [{ name: 'g', rooms: { modes: { duel: { maxPlayers: 0 } } } }, /duel\.maxPlayers: an integer from 1 to 1000/],
    [{ name: 'g', rooms: { modes: { duel: { maxPlayers: 1001 } } } }, /maxPlayers/],
    [{ name: 'g', rooms: { modes: { duel: { maxPlayers: 2.5 } } } }, /maxPlayers/],
    [{ name: 'g', rooms: { modes: { duel: null } } }, /^rooms\.modes\.duel: /],
    [{ name: 'g', rooms: { modes: { duel: { maxPlayers: 2, emptyTimeoutMs: -1 } } } }, /duel\.emptyTimeoutMs/],
    [{ name: 'g', rooms: { modes: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`m${i}`, { maxPlayers: 2 }])) } }, /at most 32 modes/],
    [{ name: 'g', onRoomCreate() {} }, /rooms declares no modes/],
    [{ name: 'g', rooms: { modes: { duel: { maxPlayers: 2 } } }, onRoomDispose: 1 }, /^onRoomDispose: a function/],
  ];
  for (const [def, re] of bad) assert.throws(() => defineGame(def as never), (e: Error) => e instanceof GameDefinitionError && re.test(e.message), JSON.stringify(def));
});

test('loading: built-ins, paths from the working directory, packages from the game folder; problems name the file', async () => {
  assert.equal((await loadGameModule('echo')).def.name, 'echo');
  const arena = await loadGameModule('arena');
  assert.deepEqual([...arena.byName.keys()].sort(), ['Joined', 'Move', 'State']);
  assert.equal(arena.byName.get('Move')!.codec.fullName, '.arena.v1.Move');

  const dir = mkdtempSync(join(tmpdir(), 'gc-mod-'));
  writeFileSync(join(dir, 'g.proto'), 'syntax = "proto3"; package t.v1; message Hi { string s = 1; }');
  writeFileSync(join(dir, 'good.mjs'), `export default { name: 'good', proto: './g.proto', messages: { 10001: { name: 'Hi', from: 'client', type: 't.v1.Hi' } } };`);
  writeFileSync(join(dir, 'wrong-type.mjs'), `export default { name: 'w', proto: './g.proto', messages: { 10001: { name: 'Hi', from: 'client', type: 't.v1.Nope' } } };`);
  writeFileSync(join(dir, 'no-default.mjs'), `export const x = 1;`);
  writeFileSync(join(dir, 'throws.mjs'), `throw new Error('top-level failure');`);
  assert.equal(resolveModuleFile('./good.mjs', dir), join(dir, 'good.mjs'));
  assert.equal((await loadGameModule('./good.mjs', dir)).byId.get(10001)!.name, 'Hi');
  const fails: [string, RegExp][] = [
    ['./wrong-type.mjs', /wrong-type\.mjs: messages\[10001\]\.type: t\.v1\.Nope is not a message of .*g\.proto/],
    ['./no-default.mjs', /no-default\.mjs: the module does not export a game definition/],
    ['./throws.mjs', /throws\.mjs: cannot import: top-level failure/],
    ['./missing.mjs', /missing\.mjs: no such file/],
    ['some-game', /game module some-game: package not found in .*node_modules/],
  ];
  for (const [spec, re] of fails) await assert.rejects(loadGameModule(spec, dir, dir), (e: Error) => e instanceof ModuleLoadError && re.test(e.message), spec);

  // A package of the studio's image (ESM-only exports) is found in <game dir>/node_modules.
  const pkg = join(dir, 'node_modules', 'my-game');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'my-game', type: 'module', exports: { '.': { import: './main.js' } } }));
  writeFileSync(join(pkg, 'main.js'), `export default { name: 'mine' };`);
  assert.equal((await loadGameModule('my-game', dir, dir)).def.name, 'mine');
});
