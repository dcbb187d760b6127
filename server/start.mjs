#!/usr/bin/env node
/** `npm start`: serves the demo, dist/cdn and the built-in feed at http://localhost:8000 (PORT overrides). */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { routes } from './routes.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8000);
const { url } = await startServer({ root, port, host: process.env.HOST ?? 'localhost', handlers: await routes({ root }) });
console.log(`Demo: ${url}/demo/  (Welsh: ${url}/demo/cy.html)`);
