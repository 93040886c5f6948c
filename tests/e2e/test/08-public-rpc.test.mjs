// Issue #12: the public verification endpoint that scripts/run-public-rpc.sh starts — a
// non-authority node synced from the development node — answers citizens' queries and holds
// its limits: unsafe methods refused, batches and requests bounded, calls rate-limited per
// connection.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WsProvider } from '@polkadot/api';
import { rpc } from '../examples/queries.mjs';
import { HTTP_ENDPOINT, hash } from '../lib/helpers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const NODE = process.env.CIVIL_NODE;

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function eventually(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (e) {
      last = e; // still starting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms (${last?.message ?? 'condition false'})`);
}

const finalizedNumber = async (url) =>
  parseInt((await rpc(url, 'chain_getHeader', [await rpc(url, 'chain_getFinalizedHead', [])])).number, 16);

test('the public endpoint syncs, answers civil_*, and refuses what the public may not do', { timeout: 180_000 }, async (t) => {
  assert.ok(NODE, 'CIVIL_NODE (the node binary) is set by tests/e2e/run.sh');
  const [rpcPort, p2pPort] = [await freePort(), await freePort()];
  const base = mkdtempSync(join(tmpdir(), 'civil-public-rpc-'));
  const log = join(base, 'node.log');
  const addresses = await rpc(HTTP_ENDPOINT, 'system_localListenAddresses', []);
  const bootnode = addresses.find((a) => a.startsWith('/ip4/127.0.0.1/'));
  const child = spawn(join(ROOT, 'scripts', 'run-public-rpc.sh'),
    [NODE, 'dev', join(base, 'db'), '--bootnodes', bootnode,
      '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`, '--no-prometheus', '--no-telemetry'],
    { env: { ...process.env, PUBLIC_RPC_PORT: String(rpcPort) }, detached: true,
      stdio: ['ignore', openSync(log, 'w'), openSync(log, 'w')] });
  t.after(() => {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    rmSync(base, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${rpcPort}`;

  // It syncs to the development node's finality.
  const target = await finalizedNumber(HTTP_ENDPOINT);
  try {
    await eventually('the public node syncs', async () => (await finalizedNumber(url)) >= target, 90_000);
  } catch (e) {
    throw new Error(`${e.message}\n${readFileSync(log, 'utf8').split('\n').slice(-20).join('\n')}`);
  }

  // A citizen's question is answered (an unknown hash: 4004).
  await assert.rejects(rpc(url, 'civil_verifyCertificate', [hash()]), (e) => e.code === 4004);
  // Unsafe methods are refused.
  await assert.rejects(rpc(url, 'author_rotateKeys', []), /unsafe/);
  await assert.rejects(rpc(url, 'author_insertKey', ['aura', '//Evil', '0x00']), /unsafe/);

  // A batch of 8 calls is served, one of 9 refused.
  const batch = async (n) => {
    const body = Array.from({ length: n }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'system_health', params: [] }));
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return response.json();
  };
  const eight = await batch(8);
  assert.ok(Array.isArray(eight) && eight.length === 8 && eight.every((r) => r.result), JSON.stringify(eight).slice(0, 300));
  const nine = await batch(9);
  assert.ok(!Array.isArray(nine) && nine.error, JSON.stringify(nine).slice(0, 300));

  // A request over 1 MiB is refused before it is parsed.
  const big = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'civil_verifyCertificate', params: ['x'.repeat(2 << 20)] }) });
  assert.equal(big.status, 413);

  // One connection that fires 400 calls at once: 120 a minute pass, the rest wait their turn
  // and, when it does not come, fail with -32999.
  const provider = new WsProvider(`ws://127.0.0.1:${rpcPort}`, false);
  await provider.connect();
  await provider.isReady;
  const results = await Promise.allSettled(Array.from({ length: 400 }, () => provider.send('system_health', [])));
  await provider.disconnect();
  const served = results.filter((r) => r.status === 'fulfilled').length;
  const limited = results.filter((r) => r.status === 'rejected' && /-32999|rate limit/.test(r.reason?.message)).length;
  assert.ok(served >= 120 && served < 400, `served ${served}`);
  assert.equal(served + limited, 400, `served ${served}, rate-limited ${limited}`);
});
