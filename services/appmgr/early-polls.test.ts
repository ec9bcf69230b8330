import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EarlyPolls } from './early-polls.js';

test('a poll before 80 % of the Retry-After it was given is early; on time it is not; the memory is bounded', () => {
  let t = 0;
  const e = new EarlyPolls(2, () => t);
  assert.equal(e.early('a'), false, 'never answered: not known as early');
  e.answered('a', 2);
  t = 1599;
  assert.equal(e.early('a'), true);
  t = 1600;
  assert.equal(e.early('a'), false, '80 % of 2 s');
  assert.equal(e.size, 0, 'an entry past its time is dropped');
  e.answered('a', 1);
  e.answered('b', 1);
  e.answered('c', 1);
  assert.equal(e.size, 2);
  assert.equal(e.early('a'), false, 'the oldest entry went first');
  assert.equal(e.early('c'), true);
  e.forget('c');
  assert.equal(e.early('c'), false);
});
