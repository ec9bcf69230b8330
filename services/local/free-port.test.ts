import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);

test('two processes asking for 300 free ports each at once never get the same port', { timeout: 60_000 }, async () => {
  // Without the shared claim, two draws of 300 from the ~12,700 ports below the ephemeral range overlap almost surely.
  const script = `import { freePort } from ${JSON.stringify(new URL('./child-process.ts', import.meta.url).href)};
const out = []; for (let i = 0; i < 300; i++) out.push(await freePort()); console.log(JSON.stringify(out));`;
  const child = () => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 50_000 }).then((r) => JSON.parse(r.stdout) as number[]);
  const [a, b] = await Promise.all([child(), child()]);
  assert.equal(new Set(a).size, 300);
  assert.equal(new Set(b).size, 300);
  const both = a.filter((p) => b.includes(p));
  assert.deepEqual(both, [], 'ports handed out to both processes');
});
