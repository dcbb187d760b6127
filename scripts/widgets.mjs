/** The widgets are their folders: every src/components/<name>/ with a define.ts (the build, the demo and the embed pages agree). */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function discoverWidgets(root) {
  const dirs = await readdir(join(root, 'src/components'), { withFileTypes: true }).catch(() => []);
  return dirs
    .filter((d) => d.isDirectory() && existsSync(join(root, 'src/components', d.name, 'define.ts')))
    .map((d) => d.name)
    .sort();
}
