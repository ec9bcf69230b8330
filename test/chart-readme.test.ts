/**
 * charts/gamecluster/README.md's values table is values.yaml's (the same generator as docs/operations.md's table);
 * UPDATE_DOCS=1 rewrites it.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { chartDir, valuesTable } from './helpers/helm.js';

test('the values table in the chart README matches values.yaml', async () => {
  const file = join(chartDir, 'README.md');
  const text = readFileSync(file, 'utf8');
  const start = '<!-- values-table:start (generated from values.yaml by test/chart-readme.test.ts) -->';
  const end = '<!-- values-table:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  assert.ok(i >= 0 && j > i, 'README.md lacks the values-table markers');
  const want = `${start}\n${await valuesTable()}\n${end}`;
  const have = text.slice(i, j + end.length);
  if (have !== want && process.env.UPDATE_DOCS === '1') writeFileSync(file, text.slice(0, i) + want + text.slice(j + end.length));
  else assert.equal(have, want, 'values table out of date: run UPDATE_DOCS=1 node --import tsx --test test/chart-readme.test.ts');
});
