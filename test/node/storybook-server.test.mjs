// Storybook's dev server (and the story tests, which use the same Vite configuration from .storybook/main.ts)
// serves files from the project's folder: the receivers' data folders (`npm start` keeps messages in .data/)
// must never be among them. Starts Vite with that configuration on a free port and asks for a stored message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { createServer } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

test("Storybook's dev server refuses the data folder in every spelling, and still serves the project's files", async (t) => {
  // .storybook/main.ts compiled beside itself, so its relative imports still resolve.
  const compiled = join(root, '.storybook', `.main-test-${process.pid}.mjs`);
  const probe = join(root, '.data', `probe-${process.pid}`);
  t.after(() => {
    rmSync(compiled, { force: true });
    rmSync(probe, { recursive: true, force: true });
  });
  const source = readFileSync(join(root, '.storybook/main.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  writeFileSync(compiled, outputText);
  const { default: config } = await import(pathToFileURL(compiled).href);
  mkdirSync(probe, { recursive: true });
  writeFileSync(join(probe, 'contact-submissions.jsonl'), '{"email":"someone@example.org"}\n');

  const viteConfig = await config.viteFinal({ root, configFile: false, logLevel: 'silent' });
  const server = await createServer({ ...viteConfig, server: { ...viteConfig.server, port: 0, host: '127.0.0.1' } });
  await server.listen();
  t.after(() => server.close());
  const { port } = server.httpServer.address();
  const status = async (path) => (await fetch(`http://127.0.0.1:${port}${path}`)).status;

  const name = `probe-${process.pid}`;
  for (const path of [
    `/.data/${name}/contact-submissions.jsonl`,
    `/.DATA/${name}/contact-submissions.jsonl`,
    `/%2Edata/${name}/contact-submissions.jsonl`,
    `/stories/../.data/${name}/contact-submissions.jsonl`,
    `/@fs${root}/.data/${name}/contact-submissions.jsonl`,
  ]) {
    assert.notEqual(await status(path), 200, path);
  }
  assert.equal(await status('/README.md'), 200);
});
