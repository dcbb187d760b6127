/**
 * The CLI run as a real process, and a temp folder of feed files, for the node tests of its commands.
 * (No tests here: node --test runs this file too, and finds none.)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cli = join(root, 'bin/cli.mjs');

/** Runs `compassionate-leadership-widgets ...args` from the repository: its exit code, stdout and stderr. */
export function runCli(...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

/** A temp folder (`remove()` it after the tests) and `file(name, data)`, which writes JSON (or text) there. */
export function tempFolder(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
    file(name, data) {
      const path = join(dir, name);
      writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
      return path;
    },
  };
}
