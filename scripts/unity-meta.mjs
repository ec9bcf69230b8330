// Writes the Unity .meta file of every file and folder of the Unity package (clients/unity) that has none. A package
// installed from git or a tarball is immutable: Unity ignores an asset without its .meta there, so they are
// committed. GUIDs are derived from the package path (md5), so running this again changes nothing; folders ending
// in `~` (Samples~, Documentation~) are not imported by Unity and need none. test/unity-client.test.ts checks.
// Run: node scripts/unity-meta.mjs
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../clients/unity/', import.meta.url));
const importer = (path, isDir) => {
  if (isDir) return 'folderAsset: yes\nDefaultImporter:\n  externalObjects: {}\n';
  switch (extname(path)) {
    case '.cs':
      return 'MonoImporter:\n  externalObjects: {}\n  serializedVersion: 2\n  defaultReferences: []\n  executionOrder: 0\n  icon: {instanceID: 0}\n';
    case '.asmdef':
      return 'AssemblyDefinitionImporter:\n  externalObjects: {}\n';
    case '.json':
      return path === 'package.json' ? 'PackageManifestImporter:\n  externalObjects: {}\n' : 'TextScriptImporter:\n  externalObjects: {}\n';
    case '.md':
      return 'TextScriptImporter:\n  externalObjects: {}\n';
    default:
      return 'DefaultImporter:\n  externalObjects: {}\n';
  }
};

let written = 0;
function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name.endsWith('.meta')) continue;
    const full = join(dir, name);
    const rel = relative(pkg, full);
    const isDir = statSync(full).isDirectory();
    if (name.endsWith('~')) continue;
    const meta = `${full}.meta`;
    if (!existsSync(meta)) {
      const guid = createHash('md5').update(`com.gamecluster.client/${rel}`).digest('hex');
      writeFileSync(meta, `fileFormatVersion: 2\nguid: ${guid}\n${importer(rel, isDir)}  userData: \n  assetBundleName: \n  assetBundleVariant: \n`);
      written++;
    }
    if (isDir) walk(full);
  }
}
walk(pkg);
console.error(`unity-meta: ${written} .meta file(s) written under ${relative(process.cwd(), pkg) || '.'}`);
