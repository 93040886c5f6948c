// The one place that starts node binaries for the tests and tools: free ports, a node process
// with its log in a work directory, waiting for its RPC and for finality, and stopping it by
// its PID (its process group) however the script ends — normally, by an exception, or by
// Ctrl-C/SIGTERM. Used by the smoke tests (tests/smoke), the operators' walkthrough
// (tests/operators), the polkadot.js suite's runner (tests/e2e/run.mjs), its measurement
// scripts, the load generator (scripts/load), and zombienet's steps (tests/e2e/scripts/
// network.mjs: their waits on the nodes zombienet starts). Node.js built-ins only.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port free on 127.0.0.1 now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A JSON-RPC call over HTTP to `url` (`http://` or `ws://`, the same port); its result, or an
 *  error with the node's message. */
export async function rpc(url, method, params = []) {
  const response = await fetch(url.replace(/^ws/, 'http'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(10_000),
  });
  const answer = await response.json();
  if (answer.error) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
  return answer.result;
}

/** The best and finalized block numbers of the node at `url`, and the finalized hash. */
export async function heights(url) {
  const best = parseInt((await rpc(url, 'chain_getHeader')).number, 16);
  const finalizedHash = await rpc(url, 'chain_getFinalizedHead');
  const finalized = parseInt((await rpc(url, 'chain_getHeader', [finalizedHash])).number, 16);
  return { best, finalized, finalizedHash };
}

/** Waits until `condition()` returns true (it may throw while a node starts), checking every
 *  `every` ms, at most `timeoutMs`; `node`, if given, must stay alive meanwhile. The error
 *  says what was waited for and what `condition` returned last. */
export async function waitFor(what, condition, timeoutMs, { every = 1000, node } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    if (node && !node.alive()) throw new Error(`${what}: node ${node.name} exited (${node.exitCode()})`);
    try {
      last = await condition();
      if (last === true) return;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${timeoutMs / 1000} s (last: ${JSON.stringify(last)})`);
    }
    await sleep(every);
  }
}

/** Polls `check` every `every` ms until it returns a truthy value, and returns that value;
 *  fails after `seconds`. Unlike {@link waitFor}, an exception from `check` is not retried: it
 *  ends the wait (for steps against running nodes, where an error is an answer). */
export async function until(what, seconds, check, { every = 500 } = {}) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${seconds} s`);
    await sleep(every);
  }
}

/** Waits until the node at `url` answers RPC. */
export function waitForRpc(url, timeoutMs, options = {}) {
  return waitFor(`RPC at ${url}`, async () => (await rpc(url, 'chain_getFinalizedHead'), true),
    timeoutMs, { every: 500, ...options });
}

/** Waits until the node at `url` has finalized block `number`. */
export function waitForFinalized(url, number, timeoutMs, options = {}) {
  return waitFor(`finalized #${number} at ${url}`,
    async () => {
      const now = await heights(url);
      return now.finalized >= number || now;
    }, timeoutMs, options);
}

/**
 * Node processes of `binary`, each in its own process group with its log in the work
 * directory; every one still running is stopped (SIGTERM to its group, SIGKILL after 20 s)
 * by `stopAll()`, and — as a last resort — when the script exits or is interrupted.
 * `work` defaults to a new temporary directory, removed by `stopAll()` or at exit unless
 * `keep`; a `work` given is never removed.
 */
export class Nodes {
  constructor(binary, { work, prefix = 'civil-nodes-', keep = false } = {}) {
    this.binary = binary;
    this.ownWork = !work;
    this.work = work ?? mkdtempSync(join(tmpdir(), prefix));
    this.keep = keep;
    this.running = [];
    this.onExit = () => {
      this.killAll('SIGKILL');
      if (this.ownWork && !this.keep) rmSync(this.work, { recursive: true, force: true });
    };
    this.onSignal = (signal) => {
      this.killAll('SIGTERM');
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.on('exit', this.onExit);
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }

  /** Starts `args` (of the binary, or of `command` if given) as node `name`, its output in
   *  `<work>/<name>.log`. Returns a {@link NodeProcess}. */
  start(name, args, { command = this.binary, env, cwd } = {}) {
    const log = join(this.work, `${name}.log`);
    const fd = openSync(log, 'w');
    const child = spawn(command, args, {
      stdio: ['ignore', fd, fd], detached: true, env: env ?? process.env, cwd,
    });
    closeSync(fd);
    const node = new NodeProcess(name, child, log);
    this.running.push(node);
    return node;
  }

  /** A node with its own base path and free ports: `rpcUrl` (ws://), `p2pPort`, `args` given
   *  after the standard ones. */
  async startNode(name, args, options = {}) {
    const rpcPort = await freePort();
    const p2pPort = await freePort();
    const node = this.start(name, [
      '--base-path', join(this.work, name), '--rpc-port', String(rpcPort),
      '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`, '--no-prometheus', '--no-telemetry',
      '--no-mdns', ...args,
    ], options);
    Object.assign(node, { rpcPort, p2pPort, rpcUrl: `ws://127.0.0.1:${rpcPort}` });
    return node;
  }

  killAll(signal) {
    for (const node of this.running) if (node.alive()) node.signal(signal);
  }

  /** Stops every node still running and waits for each; removes the work directory if it was
   *  made here and `keep` is not set. */
  async stopAll() {
    await Promise.all(this.running.map((node) => node.stop()));
    process.off('exit', this.onExit);
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    if (this.ownWork && !this.keep) rmSync(this.work, { recursive: true, force: true });
  }
}

/** A started node process. */
export class NodeProcess {
  constructor(name, child, log) {
    this.name = name;
    this.child = child;
    this.pid = child.pid;
    this.log = log;
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => resolve(code ?? signal));
      child.on('error', (e) => resolve(`could not start: ${e.message}`));
    });
  }

  alive() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  exitCode() {
    return this.child.exitCode ?? this.child.signalCode;
  }

  /** Sends `signal` to the node's process group. */
  signal(signal) {
    try {
      process.kill(-this.pid, signal);
    } catch {
      // Gone already.
    }
  }

  /** Sends `signal` (SIGTERM by default) and waits for the exit, at most `timeoutMs`, then
   *  SIGKILL; the exit code or signal. */
  async stop(signal = 'SIGTERM', timeoutMs = 20_000) {
    if (!this.alive()) return this.exitCode();
    this.signal(signal);
    const timer = new Promise((resolve) => setTimeout(resolve, timeoutMs, 'timeout'));
    const result = await Promise.race([this.exited, timer]);
    if (result === 'timeout') {
      this.signal('SIGKILL');
      await this.exited;
      return null;
    }
    return result;
  }

  /** The last `lines` lines of the node's log. */
  tail(lines = 40) {
    try {
      return readFileSync(this.log, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}
