import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressKey, ipv6Groups } from './address-key.js';

test('IPv4 as is, IPv4-mapped IPv6 as its IPv4', () => {
  assert.equal(addressKey('203.0.113.7'), '203.0.113.7');
  assert.equal(addressKey('::ffff:203.0.113.7'), '203.0.113.7');
  assert.equal(addressKey('::FFFF:127.0.0.1'), '127.0.0.1');
});

test('IPv6 by its /64: every address of one /64 shares a key, the next /64 does not', () => {
  const k = addressKey('2001:db8:1:2::1');
  assert.equal(k, '2001:db8:1:2::/64');
  assert.equal(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:fffe'), k);
  assert.equal(addressKey('2001:db8:1:2:a:b:c:d%eth0'), k, 'a zone id does not make a new key');
  assert.notEqual(addressKey('2001:db8:1:3::1'), k);
  assert.equal(addressKey('::1'), '0:0:0:0::/64');
  assert.equal(addressKey('fe80::1'), 'fe80:0:0:0::/64');
});

test('not an IP: its own key', () => {
  assert.equal(addressKey(''), '');
  assert.equal(addressKey('x:y'), 'x:y');
});

test('ipv6Groups expands :: and a trailing dotted IPv4', () => {
  assert.deepEqual(ipv6Groups('1::8'), [1, 0, 0, 0, 0, 0, 0, 8]);
  assert.deepEqual(ipv6Groups('::'), [0, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(ipv6Groups('64:ff9b::192.0.2.1'), [0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x0201]);
  assert.deepEqual(ipv6Groups('1:2:3:4:5:6:7:8'), [1, 2, 3, 4, 5, 6, 7, 8]);
});
