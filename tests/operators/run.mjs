// Follows docs/operators.md, *A network of your own*, as it is written: every shell block
// marked `<!-- operators-test: <step> -->` runs unchanged (keys and keystore once per
// department, the network once, the node once per department, in the background), for four
// departments on this machine. Then it checks what an operator would:
//
// - the raw spec has no sudo key and no development account or key anywhere in its state;
// - each department's roles have their own keys: the authority set holds the authority
//   accounts and no council or head account, the council the governance accounts and no
//   other, the regional offices' heads are the head accounts, and no account holds two roles;
// - the four nodes author and finalize blocks;
// - a fifth node that is not in the spec's `permissionedNodes`, started against them with a
//   bootnode, stays at block 0 while they go on;
// - stopping one node (the first, which a bootnode setup would depend on) leaves the other
//   three finalizing: they are a full mesh.
//
//   node tests/operators/run.mjs <node binary>
//
// Every node it starts is stopped by its PID (tests/harness).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Nodes, heights, waitFor } from '../harness/nodes.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOC = join(ROOT, 'docs', 'operators.md');
const REGIONS = ['tashkent', 'samarkand', 'bukhara', 'fergana'];
const BASE_PORT = 30400;
const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
const CODE = '0x3a636f6465'; // `:code`, the runtime's Wasm: no state anyone's key is in
// Sudo::Key = twox128("Sudo") ++ twox128("Key")
const SUDO_KEY = '0x5c0d1176a568c1f92944340dbfed9e9c530ebca703c85910e7164cb7d1c9e47b';

/** The marked shell blocks of docs/operators.md, by step, unindented. */
function blocks() {
  const text = readFileSync(DOC, 'utf8');
  const found = {};
  for (const m of text.matchAll(/<!-- operators-test: (\w+) -->\n\s*```sh\n([\s\S]*?)\n\s*```/g)) {
    found[m[1]] = m[2].split('\n').map((line) => (line.startsWith('   ') ? line.slice(3) : line)).join('\n');
  }
  for (const step of ['keys', 'network', 'keystore', 'node']) {
    if (!found[step]) throw new Error(`docs/operators.md has no block for step ${step}`);
  }
  return found;
}

const node = resolve(process.argv[2] ?? '');
if (!process.argv[2]) {
  console.error('usage: run.mjs <node binary>');
  process.exit(2);
}
const say = (line) => console.log(`operators: ${line}`);
const steps = blocks();
const nodes = new Nodes(node, { prefix: 'civil-operators-' });
const work = nodes.work;
const env = { ...process.env, NODE: node, WORK: work };

function sh(step, extra = {}) {
  execFileSync('bash', ['-euo', 'pipefail', '-c', steps[step]], {
    cwd: ROOT, env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const ports = (i) => ({
  P2P_PORT: String(BASE_PORT + 1 + i), RPC_PORT: String(BASE_PORT + 101 + i),
  PROMETHEUS_PORT: String(BASE_PORT + 201 + i),
});
const json = (path) => JSON.parse(readFileSync(path, 'utf8'));
const inspect = (...args) => JSON.parse(execFileSync(node, ['key', 'inspect', '--output-type', 'json', ...args],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
const strip = (hex) => hex.replace(/^0x/, '').toLowerCase();

function checkSpec(path) {
  const raw = json(path);
  const top = raw.genesis.raw.top;
  if (![undefined, '0x00'].includes(top[SUDO_KEY])) throw new Error('the production spec has a sudo key');
  const state = JSON.stringify(Object.fromEntries(Object.entries(top).filter(([k]) => k !== CODE))).toLowerCase();
  for (const name of DEV_NAMES) {
    for (const scheme of ['sr25519', 'ed25519']) {
      if (state.includes(strip(inspect('--scheme', scheme, `//${name}`).publicKey))) {
        throw new Error(`the production spec holds //${name}'s ${scheme} key`);
      }
    }
  }
  if ((raw.permissionedNodes ?? []).length !== REGIONS.length) {
    throw new Error(`permissionedNodes: ${JSON.stringify(raw.permissionedNodes)}`);
  }
  say(`spec has no sudo key, no development key, ${REGIONS.length} permissioned nodes`);
  checkRoles(top);
}

function checkRoles(top) {
  const roles = { governance: [], authority: [], head: [] };
  for (const region of REGIONS) {
    const pub = json(join(work, region, 'public.json'));
    for (const role of Object.keys(roles)) roles[role].push(strip(inspect(pub[role]).accountId));
  }
  const every = Object.values(roles).flat();
  if (new Set(every).size !== every.length) throw new Error('an account holds two roles, or two departments share one');
  const state = Object.fromEntries(Object.entries(top).filter(([k]) => k !== CODE)
    .map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
  const values = Object.values(state);
  // A stored list of accounts: a value holding every one of them.
  const listsOf = (accounts) => values.filter((v) => accounts.every((a) => v.includes(a)));
  for (const [role, others] of [['authority', ['governance', 'head']], ['governance', ['authority', 'head']]]) {
    const lists = listsOf(roles[role]);
    if (!lists.length) throw new Error(`no stored list of the ${role} accounts`);
    for (const value of lists) {
      for (const other of others) {
        if (roles[other].some((a) => value.includes(a))) throw new Error(`a list of ${role} accounts holds a ${other} account`);
      }
    }
  }
  // Each head account is in the state as a key's suffix (`Offices.Officers` is keyed by
  // Blake2_128Concat of the account: the account follows the hash), and each office's record
  // names its head.
  for (const head of roles.head) {
    if (!Object.keys(state).some((k) => k.endsWith(head)) || !values.some((v) => v.includes(head))) {
      throw new Error(`the head account 0x${head} heads no office`);
    }
  }
  say('one key per role — authorities, council and heads are distinct accounts');
}

const rpcUrl = (i) => `http://127.0.0.1:${BASE_PORT + 101 + i}`;
let failed = false;
try {
  for (const region of REGIONS) sh('keys', { REGION: region });
  sh('network');
  checkSpec(join(work, 'spec-raw.json'));
  for (const region of REGIONS) sh('keystore', { REGION: region });
  REGIONS.forEach((region, i) => {
    nodes.start(region, ['-c', `exec ${steps.node.replaceAll('\\\n', ' ')}`],
      { command: 'bash', cwd: ROOT, env: { ...env, REGION: region, ...ports(i) } });
  });
  const urls = REGIONS.map((_, i) => rpcUrl(i));
  await waitFor('four nodes finalize block 3', async () => {
    const all = await Promise.all(urls.map(heights));
    return all.every((h) => h.finalized >= 3) || all.map((h) => h.finalized);
  }, 180_000, { every: 2000 });
  say("four departments' nodes author and finalize");

  // An outsider: its own key, the same spec, the first node as its bootnode.
  const spec = json(join(work, 'spec-raw.json'));
  nodes.start('outsider', ['--chain', join(work, 'spec-raw.json'), '--base-path', join(work, 'outsider'),
    '--name', 'outsider', '--listen-addr', `/ip4/127.0.0.1/tcp/${BASE_PORT + 9}`,
    '--rpc-port', String(BASE_PORT + 109), '--prometheus-port', String(BASE_PORT + 209),
    '--bootnodes', spec.permissionedNodes[0]]);
  const start = Math.max(...(await Promise.all(urls.map(heights))).map((h) => h.best));
  await waitFor('the departments go on', async () =>
    Math.min(...(await Promise.all(urls.map(heights))).map((h) => h.best)) >= start + 3, 90_000, { every: 2000 });
  const outsider = await heights(`http://127.0.0.1:${BASE_PORT + 109}`);
  if (outsider.best !== 0) throw new Error(`an unlisted node synced to block ${outsider.best}`);
  say('an unlisted node stays at block 0 while the network goes on');

  // The first node stops: the other three still finalize (no bootnode to depend on).
  await nodes.running[0].stop('SIGTERM', 30_000);
  const rest = urls.slice(1);
  const finalized = Math.max(...(await Promise.all(rest.map(heights))).map((h) => h.finalized));
  await waitFor('three nodes finalize without the first', async () => {
    const all = await Promise.all(rest.map(heights));
    return all.every((h) => h.finalized >= finalized + 2) || all.map((h) => h.finalized);
  }, 120_000, { every: 2000 });
  say('without the first node, the other three still finalize');
} catch (e) {
  failed = true;
  console.error(`operators: FAILED: ${e.stack ?? e.message}`);
  for (const n of nodes.running) console.error(`--- ${n.name}.log (last lines)\n${n.tail(15)}`);
} finally {
  await nodes.stopAll();
}
process.exit(failed ? 1 : 0);
