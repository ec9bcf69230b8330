/**
 * The wire contract: proto/ passes buf's STANDARD lint (with the spec's one exception), says on the wire exactly what
 * ../shared/spec/gamecluster.proto says (same packages, messages, field numbers, types, enum values, rpcs), the
 * generated code in services/protocol/gen is what `npm run gen` produces from it (never hand-edited), and the msg ids
 * and return codes in services/protocol/wire.ts are the spec's.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import { MsgId, ReturnCode, KickReason } from '../services/protocol/wire.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const ours = join(root, 'proto/gamecluster/v1/gamecluster.proto');
const spec = join(root, '../shared/spec/gamecluster.proto');
// A copy of the spec proto kept in the repository, so the wire comparison always asserts (a clone without
// ../shared/spec still checks against the contract as last seen); when the spec is present the copy must equal it.
const specCopy = join(root, 'test/fixtures/spec/gamecluster.proto');

test('buf lint (STANDARD, except ENUM_ZERO_VALUE_SUFFIX) passes on proto/', () => {
  execFileSync(join(root, 'node_modules/.bin/buf'), ['lint'], { cwd: join(root, 'proto'), stdio: 'pipe' });
});

/** The wire-relevant shape of a .proto: comments and formatting do not count, numbers and types do. */
function wireShape(file: string): unknown {
  return JSON.parse(JSON.stringify(protobuf.parse(readFileSync(file, 'utf8'), { keepCase: true }).root.toJSON({ keepComments: false })));
}

test('proto/ is the spec contract on the wire', () => {
  assert.deepEqual(wireShape(ours), wireShape(specCopy));
});

test('the repository copy of the spec proto is the current spec', (t) => {
  if (!existsSync(spec)) {
    t.diagnostic(`${spec} not present: proto/ was compared with the repository copy only`);
    return;
  }
  assert.equal(readFileSync(specCopy, 'utf8'), readFileSync(spec, 'utf8'), 'copy ../shared/spec/gamecluster.proto to test/fixtures/spec/');
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? listFiles(join(dir, n)) : [join(dir, n)]));
}

test('services/protocol/gen is exactly what `npm run gen` makes from proto/', () => {
  const committed = join(root, 'services/protocol/gen');
  const fresh = mkdtempSync(join(tmpdir(), 'gc-gen-'));
  try {
    execFileSync('bash', [join(root, 'scripts/gen-proto.sh'), fresh], { cwd: root, stdio: 'pipe' });
    const a = listFiles(committed).map((f) => relative(committed, f)).sort();
    const b = listFiles(fresh).map((f) => relative(fresh, f)).sort();
    assert.deepEqual(a, b, 'the same files');
    for (const f of a) assert.equal(readFileSync(join(committed, f), 'utf8'), readFileSync(join(fresh, f), 'utf8'), `${f} differs: run npm run gen`);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
});

test('msg ids, return codes and kick reasons are the spec values', () => {
  assert.deepEqual(
    { ...MsgId },
    {
      Ping: 1, Pong: 2, S2C_Kick: 3, MI_AppInfoSync: 100,
      C2L_AccountCheck: 1001, L2C_AccountCheckRs: 1002, C2L_EnterGame: 1003, L2C_EnterGameRs: 1004,
      C2G_LoginByToken: 2001, G2C_LoginByTokenRs: 2002, C2G_Echo: 2003, G2C_Echo: 2004, C2G_Resume: 2005, G2C_ResumeRs: 2006, C2G_Leave: 2007,
    },
  );
  assert.deepEqual(
    { ...ReturnCode },
    { OK: 0, UNKNOWN: 1, ACCOUNT_NOT_FOUND: 2, PASSWORD_WRONG: 3, NO_APP: 4, TOKEN_INVALID: 5, BUSY: 6, ALREADY_ONLINE: 7, NOT_AUTHENTICATED: 8, QUEUED: 9, ROOM_NOT_FOUND: 10, ROOM_FULL: 11, ROOM_CLOSED: 12, ROOM_INVALID: 13 },
  );
  assert.deepEqual({ ...KickReason }, { UNSPECIFIED: 0, DUPLICATE_LOGIN: 1, SERVER_DRAINING: 2, PROTOCOL_ERROR: 3, IDLE: 4, GAME: 5 });
});
