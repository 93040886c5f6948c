// Smoke tests of the built node: real processes, real consensus, read over JSON-RPC.
//
// 1. `dev`:   one node with `--dev` must finalize block 3 within 60 s, then stop cleanly
//             (exit status 0) on Ctrl-C (SIGINT).
// 2. `local`: Alice and Bob with `--chain local` (Bob bootnoded to Alice) must both see the
//             same finalized block, number 3 or more, within 120 s.
// 3. `specs`: `build-spec` exports the dev, local and regional chains; a node started from an
//             exported JSON file (`--chain <file.json>`) produces and finalizes blocks; `key
//             generate` and `key inspect` agree.
//
// The tests run at the same time (each waits mostly for blocks); every node runs on a
// temporary base path and free loopback ports and is stopped by its PID (tests/harness),
// whether the test passes or fails.
//
//   node tests/smoke/smoke.mjs <path to civil-registry-node> [test ...]
import { execFileSync } from 'node:child_process';
import { accessSync, constants, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Nodes, heights, rpc, waitFor } from '../harness/nodes.mjs';

const FINALIZED_TARGET = 3;

function run(binary, ...args) {
  return execFileSync(binary, args, {
    encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function peerId(binary, nodes, keyHex) {
  const file = join(nodes.work, `${keyHex.slice(0, 4)}.key`);
  writeFileSync(file, keyHex);
  return run(binary, 'key', 'inspect-node-key', '--file', file).trim();
}

async function testDev(binary, nodes, say) {
  const node = await nodes.startNode('dev', ['--dev']);
  const start = Date.now();
  await waitFor(`dev: finalized #${FINALIZED_TARGET}`,
    async () => (await heights(node.rpcUrl)).finalized >= FINALIZED_TARGET, 60_000, { node });
  say(`dev: finalized #${FINALIZED_TARGET} after ${Math.round((Date.now() - start) / 1000)} s`);
  const code = await node.stop('SIGINT', 30_000);
  if (code !== 0) throw new Error(`dev: the node exited with ${code} on Ctrl-C`);
  say('dev: stopped cleanly on Ctrl-C');
}

async function testLocal(binary, nodes, say) {
  const [aliceKey, bobKey] = ['11'.repeat(32), '22'.repeat(32)];
  const aliceId = peerId(binary, nodes, aliceKey);
  const alice = await nodes.startNode('alice', ['--chain', 'local', '--alice', '--node-key', aliceKey]);
  const boot = `/ip4/127.0.0.1/tcp/${alice.p2pPort}/p2p/${aliceId}`;
  const bob = await nodes.startNode('bob', ['--chain', 'local', '--bob', '--bootnodes', boot, '--node-key', bobKey]);
  await waitFor(`local: alice and bob finalize #${FINALIZED_TARGET}`, async () => {
    if (!bob.alive()) throw new Error('bob exited');
    const [a, b] = [await heights(alice.rpcUrl), await heights(bob.rpcUrl)];
    return Math.min(a.finalized, b.finalized) >= FINALIZED_TARGET || { alice: a.finalized, bob: b.finalized };
  }, 120_000, { node: alice });
  // Both finalized the same block at a height both reached.
  const [a, b] = [await heights(alice.rpcUrl), await heights(bob.rpcUrl)];
  const n = Math.min(a.finalized, b.finalized);
  const [ha, hb] = [await rpc(alice.rpcUrl, 'chain_getBlockHash', [n]), await rpc(bob.rpcUrl, 'chain_getBlockHash', [n])];
  if (ha !== hb) throw new Error(`local: finalized #${n} differs: ${ha} vs ${hb}`);
  const { peers } = await rpc(alice.rpcUrl, 'system_health');
  say(`local: both finalized #${n} (${ha.slice(0, 18)}...), alice has ${peers} peer(s)`);
}

async function testSpecs(binary, nodes, say) {
  const expected = {
    dev: ['Civil Registry Development', 1, true],
    local: ['Civil Registry Local Testnet', 2, true],
    regional: ['Civil Registry Regional Testnet', 4, false],
  };
  for (const [chain, [name, authorities, sudo]] of Object.entries(expected)) {
    const spec = JSON.parse(run(binary, 'build-spec', '--chain', chain, '--disable-default-bootnode'));
    if (spec.name !== name) throw new Error(`specs: build-spec --chain ${chain} named ${spec.name}`);
    const patch = spec.genesis.runtimeGenesis.patch;
    const counts = [patch.authorities.authorities.length, patch.session.keys.length];
    if (counts[0] !== authorities || counts[1] !== authorities) {
      throw new Error(`specs: ${chain} has ${counts[0]} authorities with ${counts[1]} session keys, not ${authorities}`);
    }
    const key = patch.sudo?.key ?? null;
    if ((key !== null) !== sudo) throw new Error(`specs: ${chain} sudo key ${key} (only dev and local have one)`);
  }
  say('specs: build-spec exports dev (1 authority), local (2), regional (4, no sudo key)');

  const key = JSON.parse(run(binary, 'key', 'generate', '--scheme', 'sr25519', '--output-type', 'json'));
  const inspected = JSON.parse(run(binary, 'key', 'inspect', '--output-type', 'json', key.secretPhrase));
  if (inspected.ss58Address !== key.ss58Address) throw new Error('specs: key inspect does not give back the generated address');
  say('specs: key generate / key inspect agree');

  const path = join(nodes.work, 'dev-raw.json');
  writeFileSync(path, run(binary, 'build-spec', '--chain', 'dev', '--raw', '--disable-default-bootnode'));
  const node = await nodes.startNode('from-file', ['--chain', path, '--alice', '--validator', '--node-key', '33'.repeat(32)]);
  await waitFor('specs: the node on --chain <file.json> finalizes #1',
    async () => (await heights(node.rpcUrl)).finalized >= 1, 60_000, { node });
  say(`specs: node on --chain <file.json> (${await rpc(node.rpcUrl, 'system_chain')}) finalized`);
}

const TESTS = { dev: testDev, local: testLocal, specs: testSpecs };

const [binary, ...chosen] = process.argv.slice(2);
if (!binary) {
  console.error('usage: smoke.mjs <path to civil-registry-node> [dev] [local] [specs]');
  process.exit(2);
}
try {
  accessSync(binary, constants.X_OK);
} catch {
  console.error(`smoke: no executable node at ${binary}; build it first (scripts/test.sh does)`);
  process.exit(2);
}
const names = chosen.length ? chosen : Object.keys(TESTS);
const unknown = names.filter((name) => !TESTS[name]);
if (unknown.length) {
  console.error(`smoke: unknown test(s) ${unknown.join(', ')}; choose from ${Object.keys(TESTS).join(', ')}`);
  process.exit(2);
}

const results = await Promise.all(names.map(async (name) => {
  const nodes = new Nodes(binary, { prefix: `civil-smoke-${name}-` });
  const start = Date.now();
  try {
    await TESTS[name](binary, nodes, (line) => console.log(line));
    console.log(`smoke ${name}: ok (${Math.round((Date.now() - start) / 1000)} s)`);
    return true;
  } catch (e) {
    console.log(`smoke ${name}: FAILED: ${e.message}`);
    for (const node of nodes.running) console.log(`--- last lines of node ${node.name}'s log ---\n${node.tail()}`);
    return false;
  } finally {
    await nodes.stopAll();
  }
}));
const failed = results.filter((ok) => !ok).length;
console.log(`smoke: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
