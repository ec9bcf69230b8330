import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AddressRateLimiter } from '../platform/address-rate-limit.js';

test('burst of 2× the rate, then the rate; per address', () => {
  let now = 0;
  const l = new AddressRateLimiter({ ratePerSec: 5, maxAddresses: 100, now: () => now });
  let ok = 0;
  for (let i = 0; i < 30; i++) if (l.take('a')) ok++;
  assert.equal(ok, 10);
  assert.equal(l.take('b'), true, 'another address has its own bucket');
  now += 1000;
  ok = 0;
  for (let i = 0; i < 30; i++) if (l.take('a')) ok++;
  assert.equal(ok, 5, 'one second refills `rate` tokens');
});

test('refilled buckets are swept; the number of tracked addresses is capped', () => {
  let now = 0;
  const l = new AddressRateLimiter({ ratePerSec: 10, maxAddresses: 3, now: () => now });
  for (const a of ['a', 'b', 'c', 'd']) l.take(a);
  assert.equal(l.size, 3, 'the oldest address was dropped at the cap');
  for (let i = 0; i < 25; i++) l.take('d');
  now += 1000;
  l.sweep();
  assert.equal(l.size, 1, 'a, b, c refilled → dropped; d still owes tokens');
  now += 2000;
  l.sweep();
  assert.equal(l.size, 0);
});

test('IPv6 clients share one bucket per /64; IPv4-mapped addresses count as their IPv4', () => {
  const l = new AddressRateLimiter({ ratePerSec: 1, maxAddresses: 100, now: () => 0 });
  assert.equal(l.take('2001:db8:0:1::1'), true);
  assert.equal(l.take('2001:db8:0:1::2'), true);
  assert.equal(l.take('2001:db8:0:1:ffff::3'), false, 'a third address of the same /64 finds the bucket empty');
  assert.equal(l.take('2001:db8:0:2::1'), true, 'the next /64 has its own');
  assert.equal(l.take('192.0.2.1'), true);
  assert.equal(l.take('::ffff:192.0.2.1'), true);
  assert.equal(l.take('192.0.2.1'), false, 'the mapped form drew from the same bucket');
});
