import assert from 'node:assert/strict';
import { test } from 'node:test';
import protobuf from 'protobufjs';
import { ownBytesCopier } from './own-bytes.js';

const root = protobuf.parse(`
syntax = "proto3";
package t;
message Blob { bytes data = 1; }
message Chat { string text = 1; bytes sig = 2; repeated bytes parts = 3; Blob blob = 4; repeated Blob blobs = 5; map<string, bytes> attrs = 6; map<string, Blob> named = 7; Tree tree = 8; }
message Tree { bytes leaf = 1; repeated Tree kids = 2; }
message Move { int32 dx = 1; int32 dy = 2; }
`).root;

test('every bytes field (nested, repeated, map values, recursive) is a copy of its own; messages without any cost nothing', () => {
  const Chat = root.lookupType('t.Chat');
  const body = Buffer.from(
    Chat.encode(Chat.fromObject({ text: 'hi', sig: Buffer.from('sig'), parts: [Buffer.from('p1'), Buffer.from('p2')], blob: { data: Buffer.from('b') }, blobs: [{ data: Buffer.from('b1') }], attrs: { a: Buffer.from('va') }, named: { n: { data: Buffer.from('vn') } }, tree: { leaf: Buffer.from('l0'), kids: [{ leaf: Buffer.from('l1') }] } })).finish(),
  );
  const read = Buffer.concat([Buffer.alloc(1000), body]).subarray(1000); // a view into a bigger read, as a socket read is
  const m = Chat.decode(read) as unknown as Record<string, any>;
  const views = () => [m.sig, ...m.parts, m.blob.data, m.blobs[0].data, m.attrs.a, m.named.n.data, m.tree.leaf, m.tree.kids[0].leaf] as Buffer[];
  assert.ok(views().every((v) => v.buffer === read.buffer), 'protobufjs hands out views of the read');
  ownBytesCopier(Chat)!(m);
  for (const v of views()) {
    assert.notEqual(v.buffer, read.buffer);
    assert.equal(v.buffer.byteLength, v.length, 'exactly its own length');
  }
  assert.deepEqual(views().map((v) => v.toString()), ['sig', 'p1', 'p2', 'b', 'b1', 'va', 'vn', 'l0', 'l1']);
  assert.equal(ownBytesCopier(root.lookupType('t.Move')), undefined);
});
