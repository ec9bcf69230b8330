import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validAccount } from './account-check.js';

test('accounts: 1-64 chars of [A-Za-z0-9_.@-]', () => {
  for (const ok of ['a', 'Alice_01', 'a.b@c-d', 'x'.repeat(64)]) assert.ok(validAccount(ok), ok);
  for (const bad of ['', ' ', 'a b', 'x'.repeat(65), 'é', 'a;b', 'a\nb', undefined, 42]) assert.ok(!validAccount(bad), String(bad));
});
