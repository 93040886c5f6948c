// A public gateway for a test file: scripts/run-public-rpc.sh (node/src/rpc/public.rs) synced from
// the development node, on free ports, stopped when the file's tests end.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'node:test';
import { rpc } from '../examples/queries.mjs';
import { HTTP_ENDPOINT, waitForFinality } from './helpers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A TCP port free on 127.0.0.1 now. */
export function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Retry `check` until it returns true, at most `timeoutMs`. */
export async function eventually(what, check, timeoutMs) {
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

export const finalizedNumber = async (url) =>
  parseInt((await rpc(url, 'chain_getHeader', [await rpc(url, 'chain_getFinalizedHead', [])])).number, 16);

/** Start a gateway (`process.env.CIVIL_NODE` on the chain `process.env.CIVIL_CHAIN`, both set by
 *  tests/e2e/run.sh: the development node's binary and chain). Returns its HTTP
 *  `url`, its `port`, the node's own (localhost) `localPort`, its `log()` and `synced(api)`,
 *  which waits until the gateway has finalized what the development node has. */
export async function startGateway() {
  const node = process.env.CIVIL_NODE;
  if (!node) throw new Error('CIVIL_NODE (the node binary) is set by tests/e2e/run.sh');
  const [port, localPort, p2pPort] = [await freePort(), await freePort(), await freePort()];
  const base = mkdtempSync(join(tmpdir(), 'civil-gateway-'));
  const logFile = join(base, 'node.log');
  const addresses = await rpc(HTTP_ENDPOINT, 'system_localListenAddresses', []);
  const bootnode = addresses.find((a) => a.startsWith('/ip4/127.0.0.1/'));
  const child = spawn(join(ROOT, 'scripts', 'run-public-rpc.sh'),
    [node, process.env.CIVIL_CHAIN ?? 'dev', join(base, 'db'), '--bootnodes', bootnode,
      '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`, '--no-prometheus', '--no-telemetry',
      // A chain that lives minutes: statistics released every 3 s (of the closed months) rather
      // than on the 5th of each month.
      '--statistics-release-interval', '3'],
    {
      env: { ...process.env, PUBLIC_RPC_ADDRESS: '127.0.0.1', PUBLIC_RPC_PORT: String(port), LOCAL_RPC_PORT: String(localPort) },
      detached: true, stdio: ['ignore', openSync(logFile, 'w'), openSync(logFile, 'w')],
    });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  test.after(async () => {
    // Stopped, and gone, before its database is removed.
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    rmSync(base, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${port}`;
  const log = () => readFileSync(logFile, 'utf8');
  const synced = async (api) => {
    const target = await waitForFinality(api);
    try {
      await eventually('the gateway syncs', async () => (await finalizedNumber(url)) >= target, 90_000);
    } catch (e) {
      throw new Error(`${e.message}\n${log().split('\n').slice(-30).join('\n')}`);
    }
    return target;
  };
  return { url, port, localPort, log, synced };
}
