// Runs the polkadot.js suite against a fresh development node:
//
//   node tests/e2e/run.mjs <path to civil-registry-node>     (tests/e2e/run.sh calls this)
//
// Starts the node (tests/harness) on a temporary chain with free ports, waits for its RPC,
// runs the suite (`test/`, five files at a time) and then `after/`, and stops the node. The
// chain is `--dev` with two-second slots (`--chain dev-fast`: the same genesis and runtime, a
// third of the wait for each block); CIVIL_CHAIN=dev runs the suite on six-second slots. The
// node's log is tests/e2e/node.log, kept for a failed run. The npm packages are the root
// workspace's (`npm ci` at the repository root; scripts/test.sh installs them).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Nodes, freePort, waitForRpc } from '../harness/nodes.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
if (!process.argv[2]) {
  console.error('usage: run.mjs <path to civil-registry-node>');
  process.exit(2);
}
const binary = resolve(process.argv[2]);
if (!existsSync(join(ROOT, 'node_modules', '@polkadot', 'api'))) {
  console.error('e2e: the npm packages are not installed: run `npm ci` at the repository root');
  process.exit(2);
}

/** Runs `node --test <args>` in this directory with `env`; its exit code. */
function nodeTest(args, env) {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--test', ...args], { cwd: HERE, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const chain = process.env.CIVIL_CHAIN ?? 'dev-fast';
const nodes = new Nodes(binary, { work: HERE });
const [rpcPort, p2pPort, officePort, feedPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
// The office read API too (test 13), its access log anchored every 3 s instead of daily; and
// the public projection's feed (test 14), with the state of every block, so that a projection
// can start from the genesis at any time.
const node = nodes.start('node', ['--dev', '--chain', chain, '--tmp', '--rpc-port', String(rpcPort),
  '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`, '--office-api', `127.0.0.1:${officePort}`,
  '--access-log-anchor-period', '3', '--projection-feed', `127.0.0.1:${feedPort}`,
  '--state-pruning', 'archive-canonical', '--no-prometheus', '--no-telemetry']);
let code = 1;
try {
  await waitForRpc(`http://127.0.0.1:${rpcPort}`, 60_000, { node });
  console.log(`e2e: node up on ws://127.0.0.1:${rpcPort}`);
  const env = {
    ...process.env, CIVIL_WS: `ws://127.0.0.1:${rpcPort}`, CIVIL_OFFICE: `http://127.0.0.1:${officePort}`,
    CIVIL_NODE: binary, CIVIL_FEED: `http://127.0.0.1:${feedPort}`, CIVIL_CHAIN: chain,
  };
  code = await nodeTest(['--test-concurrency=5', 'test/'], env);
  if (code === 0) {
    // After every file has run its acts: a projection of the whole chain, built from the
    // genesis, looked through for anything personal (issue #28).
    console.log('e2e: after the suite');
    code = await nodeTest(['after/'], env);
  }
} catch (e) {
  console.error(`e2e: ${e.message}\n--- the node's log (last lines) ---\n${node.tail(60)}`);
} finally {
  await nodes.stopAll();
}
process.exit(code);
