#!/usr/bin/env node
// Serves the portal (this folder) over HTTP: any static server does as well; this one needs
// nothing but Node.js.
//
//   node portal/serve.mjs [--port 8080] [--host 127.0.0.1] [--gateway https://gateway.example]
//
// --gateway: the public gateway's address, served as config.js (otherwise the page uses port
// 9944 of the host that serves it). Only this folder's files are served, read-only.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml' };

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const port = Number(option('--port', '8080'));
const host = option('--host', '127.0.0.1');
const gateway = option('--gateway', null);

const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  const file = normalize(join(ROOT, path === '/' ? 'index.html' : path));
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405).end();
    return;
  }
  if (!file.startsWith(ROOT + sep) || file.includes(`${sep}.`)) {
    response.writeHead(404).end();
    return;
  }
  try {
    let body = await readFile(file);
    if (gateway && file === join(ROOT, 'config.js')) {
      body = `globalThis.CIVIL_PORTAL = ${JSON.stringify({ gateway })};\n`;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404).end();
  }
});
server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`portal: http://${host}:${actual}/ (gateway: ${gateway ?? 'port 9944 of this host'})`);
});
