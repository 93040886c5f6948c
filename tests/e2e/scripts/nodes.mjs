// What the measurement scripts share: free ports, node processes in a work directory (each
// with its log, all stopped when the script exits), and waiting for a node's RPC.
import { spawn } from 'node:child_process';
import { openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { rpc } from '../examples/queries.mjs';

/** A TCP port free on 127.0.0.1 now. */
export function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Node processes of `binary` with their logs in `work`; all stopped (and `work` removed
 *  unless `keep`) when the script exits. */
export function nodes(binary, work, { keep = false } = {}) {
  const children = [];
  process.on('exit', () => {
    for (const child of children) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
    }
    if (!keep) rmSync(work, { recursive: true, force: true });
  });
  return {
    /** Start a node with `args`, its output in `<work>/<name>.log`. */
    start(args, name) {
      const log = openSync(join(work, `${name}.log`), 'w');
      const child = spawn(binary, args, { stdio: ['ignore', log, log], detached: true });
      children.push(child);
      return child;
    },
  };
}

/** Wait until the node at `url` (HTTP) answers, at most `timeoutMs`. */
export async function waitForRpc(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await rpc(url, 'chain_getFinalizedHead', []);
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`no RPC at ${url}: ${e.message}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
