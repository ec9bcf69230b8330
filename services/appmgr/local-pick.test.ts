import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickLocal } from './local-pick.js';
import type { AppRecord } from '../registry/types.js';

const app = (appId: string, online: number, extra: Partial<AppRecord> = {}): AppRecord => ({
  appId, appType: 'login', online, ip: '10.0.0.1', port: 5002, state: 'ready', tsMs: 0, capacity: 100, ...extra,
});

test('least_loaded spreads picks evenly with local bumps', () => {
  const apps = [app('a', 10), app('b', 10), app('c', 12), app('d', 10)];
  const counts: Record<string, number> = {};
  for (let i = 0; i < 42; i++) {
    const p = pickLocal(apps, 'login', 'least_loaded')!;
    counts[p.appId] = (counts[p.appId] ?? 0) + 1;
  }
  const onl = apps.map((a) => a.online);
  assert.ok(Math.max(...onl) - Math.min(...onl) <= 1, `spread ${onl}`);
  assert.equal(onl.reduce((s, n) => s + n, 0), 42 + 42);
  assert.deepEqual(Object.values(counts).sort((x, y) => x - y), [9, 11, 11, 11]);
});

test('uses load = online / capacity', () => {
  const apps = [app('small', 5, { capacity: 10 }), app('big', 40, { capacity: 100 })];
  assert.equal(pickLocal(apps, 'login', 'least_loaded')!.appId, 'big');
});

test('skips draining, full, other types; none left → undefined', () => {
  const apps = [app('d', 0, { state: 'draining' }), app('f', 100), app('g', 0, { appType: 'game' })];
  assert.equal(pickLocal(apps, 'login', 'least_loaded'), undefined);
  assert.equal(pickLocal(apps, 'game', 'least_loaded')!.appId, 'g');
});

test('packed picks the fullest pod below capacity', () => {
  const apps = [app('a', 10), app('b', 98), app('c', 50)];
  assert.equal(pickLocal(apps, 'login', 'packed')!.appId, 'b');
  assert.equal(pickLocal(apps, 'login', 'packed')!.appId, 'b');
  assert.equal(apps[1]!.online, 100);
  assert.equal(pickLocal(apps, 'login', 'packed')!.appId, 'c');
});

test('transport ws: only pods with a WebSocket port (snapshot fallback)', () => {
  const apps = [app('tcp-only', 0), app('ws', 50, { wsPort: 5102 })];
  assert.equal(pickLocal(apps, 'login', 'least_loaded', 'ws')!.appId, 'ws');
  assert.equal(pickLocal(apps, 'login', 'least_loaded')!.appId, 'tcp-only');
  assert.equal(pickLocal([app('tcp-only', 0)], 'login', 'least_loaded', 'ws'), undefined);
});
