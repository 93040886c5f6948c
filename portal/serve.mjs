#!/usr/bin/env node
// Serves the portal (this folder) over HTTP: any static server does as well; this one needs
// nothing but Node.js.
//
//   node portal/serve.mjs [--port 8080] [--host 127.0.0.1] [--gateway https://gateway.example]
//
// --gateway: the public gateway's address, served as config.js (otherwise the page uses port
// 9944 of the host that serves it). Only this folder's files are served, read-only, each with
// a strict Content-Security-Policy: scripts, styles and images of this origin only, requests
// to the gateway only, no frames, no forms, no plugins. A malformed request is answered 400 and
// the server serves on.
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
let gatewayOrigin = null;
if (gateway !== null) {
  try {
    gatewayOrigin = new URL(gateway).origin;
  } catch {
    console.error(`portal: --gateway ${gateway} is not a URL (e.g. https://gateway.example)`);
    process.exit(2);
  }
}

/** The origins the page may call: the configured gateway, or port 9944 of the host the
 *  browser asked for (what app.js falls back to). */
function connectSources(request) {
  if (gatewayOrigin !== null) return gatewayOrigin;
  const hostname = String(request.headers.host ?? '').replace(/:\d+$/, '');
  if (!/^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])$/.test(hostname)) return "'none'";
  return `http://${hostname}:9944 https://${hostname}:9944`;
}

/** The Content-Security-Policy of every answer. The camera's picture is a media stream; a
 *  picture of a QR code is read through a blob: or data: URL. */
const policy = (request) => [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  `connect-src ${connectSources(request)}`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function answer(request, response, status, headers = {}, body = undefined) {
  response.writeHead(status, {
    'Content-Security-Policy': policy(request),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

async function serve(request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return answer(request, response, 405);
  let path;
  try {
    path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  } catch {
    return answer(request, response, 400);
  }
  const file = normalize(join(ROOT, path === '/' ? 'index.html' : path));
  if (!file.startsWith(ROOT + sep) || file.includes(`${sep}.`) || path.includes('\0')) {
    return answer(request, response, 404);
  }
  let body;
  try {
    body = await readFile(file);
  } catch {
    return answer(request, response, 404);
  }
  if (gateway && file === join(ROOT, 'config.js')) {
    body = `globalThis.CIVIL_PORTAL = ${JSON.stringify({ gateway })};\n`;
  }
  return answer(request, response, 200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
  }, body);
}

const server = createServer((request, response) => {
  serve(request, response).catch((e) => {
    console.error(`portal: ${request.method} ${request.url}: ${e.message}`);
    if (!response.headersSent) answer(request, response, 500);
    else response.destroy();
  });
});
// A request the HTTP parser refuses (a broken request line, oversized headers): 400, and the
// server serves on.
server.on('clientError', (_error, socket) => {
  if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  else socket.destroy();
});
server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`portal: http://${host}:${actual}/ (gateway: ${gateway ?? 'port 9944 of this host'})`);
});
