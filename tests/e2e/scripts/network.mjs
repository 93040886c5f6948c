// The governance steps of the zombienet tests, done as a department would: with the
// integrators' own polkadot.js examples (tests/e2e/examples, the code of docs/integrators.md).
//
//   node tests/e2e/scripts/network.mjs <step> [args...]
//
// Node names are resolved to WebSocket endpoints through ZOMBIE_NODES (a JSON object
// { name: wsUri }, which zombienet/scripts/step.cjs passes from zombienet). Exit status 0
// means the step held; anything else, with the reason on stderr, that it did not. (It lives
// here, not in zombienet/, so that it runs with this suite's polkadot.js.)
//
// Steps:
//   add-authority <node> <seed>   the council (Alice, Bob, Charlie, Dave: 3 ayes of 4) adds the
//                                 account of //<seed> as an authority; its node <node> makes
//                                 session keys (author_rotateKeysWithOwner) and the account
//                                 registers them; waits until the account is in the session's
//                                 validators and in GRANDPA's authority set
//   finality-advances <node> <blocks> <seconds> [<voters>]
//                                 the node's finalized head moves <blocks> on within <seconds>
//                                 (with GRANDPA's set of <voters> voters, if given)
//   authored-by <node> <seed> <seconds>
//                                 a block authored by //<seed> is finalized within <seconds>
//   upgrade <node>                registers a birth and reads it; the council authorizes the
//                                 hash of the Wasm in CIVIL_REGISTRY_UPGRADE_WASM, as root; the
//                                 code is installed unsigned (no key needed); waits for
//                                 the new spec_version; reads the record again (runtime API and
//                                 raw storage, byte for byte); finality continues past it
//   upgraded <node>               the node's best block runs a later spec_version than genesis
//   finality-stalls <nodes> <blocks> <seconds>
//                                 on each of <nodes> (names joined by +), the best block moves
//                                 <blocks> on within <seconds>, and none of the blocks made
//                                 meanwhile is finalized (a round already under way when
//                                 the voters went down may still finalize up to the best
//                                 block of the step's start, not past it)
//   catches-up <nodes> <seconds>  on each of <nodes>, the finalized block reaches the best
//                                 block the node had when the step began, within <seconds>
//   voting <node> <votes> <seconds>
//                                 the node casts <votes> more GRANDPA precommits within
//                                 <seconds> (its Prometheus counter
//                                 substrate_finality_grandpa_precommits_total, through
//                                 ZOMBIE_METRICS): a node resumed a moment ago has caught up
//                                 on finalized blocks before its voter takes part in rounds
//                                 again, and only then may another voter go down
import { readFileSync } from 'node:fs';
import { blake2AsHex } from '@polkadot/util-crypto';
import { connect, findEvent, officer, today } from '../examples/connect.mjs';
import { asRoot, councilClose, councilMotion, councilVote, installUpgrade, rotateKeys } from '../examples/governance.mjs';
import { registerBirth } from '../examples/acts.mjs';
import { act, jurisdictionByCode, person } from '../examples/queries.mjs';
// Polls every half second (a quarter of the test networks' two-second slot).
import { until } from '../../harness/nodes.mjs';

const COUNCIL = ['//Alice', '//Bob', '//Charlie', '//Dave'];
/** Two thirds of four, rounded up. */
const THRESHOLD = 3;

const nodes = JSON.parse(process.env.ZOMBIE_NODES ?? '{}');
function endpoint(name) {
  const uri = nodes[name];
  if (!uri) throw new Error(`no node "${name}" (ZOMBIE_NODES has ${Object.keys(nodes).join(', ') || 'none'})`);
  return uri;
}

const log = (...args) => console.log(new Date().toISOString(), ...args);
/** The council passes `call`: Alice proposes, Alice, Bob and Charlie vote aye, Alice closes.
 *  Resolves with the dispatch result; throws if it was not `Ok`. */
async function councilPasses(api, call) {
  const [alice, ...others] = COUNCIL.map(officer);
  const { hash, index } = await councilMotion(api, alice, call, THRESHOLD);
  log(`council motion ${index} (${call.method.section}.${call.method.method}) proposed`);
  await councilVote(api, alice, hash, index, true);
  await Promise.all(others.slice(0, THRESHOLD - 1).map((m) => councilVote(api, m, hash, index, true)));
  const result = await councilClose(api, alice, hash, index, call);
  if (!result || !result.isOk) throw new Error(`council motion ${index} not executed: ${result}`);
  log(`council motion ${index} executed`);
  return result;
}

async function finalizedNumber(api) {
  const head = await api.rpc.chain.getFinalizedHead();
  return (await api.rpc.chain.getHeader(head)).number.toNumber();
}

async function addAuthority(name, seed) {
  const api = await connect(endpoint('alice'));
  const own = await connect(endpoint(name));
  try {
    const newcomer = officer(`//${seed}`);
    const who = newcomer.address;
    await councilPasses(api, api.tx.authorities.addAuthority(who));
    const keys = await rotateKeys(own, newcomer);
    log(`${seed}'s node made session keys ${keys}; ${seed} registered them`);
    await until(`${seed} in session.validators`, 400, async () =>
      (await api.query.session.validators()).some((v) => v.toString() === who));
    // The session keys are Aura's 32 bytes, then GRANDPA's (runtime's `SessionKeys`).
    const grandpaKey = `0x${keys.slice(2 + 64, 2 + 128)}`;
    await until(`${seed}'s key in GRANDPA's authority set`, 200, async () =>
      (await api.query.grandpa.authorities()).some(([key]) => key.toHex() === grandpaKey));
    log(`${seed} is an authority of session ${await api.query.session.currentIndex()}, with ${
      (await api.query.grandpa.authorities()).length} GRANDPA voters`);
  } finally {
    await Promise.all([api.disconnect(), own.disconnect()]);
  }
}

async function finalityAdvances(name, blocks, seconds, voters) {
  const api = await connect(endpoint(name));
  try {
    if (voters !== undefined) {
      const set = await api.query.grandpa.authorities();
      if (set.length !== Number(voters)) throw new Error(`GRANDPA has ${set.length} voters, not ${voters}`);
    }
    const from = await finalizedNumber(api);
    const to = await until(`finality past #${from + Number(blocks)}`, Number(seconds), async () => {
      const now = await finalizedNumber(api);
      return now >= from + Number(blocks) && now;
    });
    log(`${name}: finalized #${from} -> #${to}`);
  } finally {
    await api.disconnect();
  }
}

async function authoredBy(name, seed, seconds) {
  const api = await connect(endpoint(name));
  try {
    // The account's Aura key, from its session keys; a block's author is the Aura authority
    // of the block's slot (slot modulo the number of authorities, in the parent's state).
    const keys = await api.query.session.nextKeys(officer(`//${seed}`).address);
    if (keys.isNone) throw new Error(`${seed} has no session keys`);
    const aura = keys.unwrap().aura.toHex();
    let checked = await finalizedNumber(api);
    await until(`a finalized block authored by ${seed}`, Number(seconds), async () => {
      const head = await finalizedNumber(api);
      for (; checked < head; checked += 1) {
        const hash = await api.rpc.chain.getBlockHash(checked + 1);
        const header = await api.rpc.chain.getHeader(hash);
        const preRuntime = header.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].toString() === 'aura');
        if (!preRuntime) continue;
        const slot = api.createType('u64', preRuntime.asPreRuntime[1]).toBigInt();
        const authorities = await api.query.aura.authorities.at(header.parentHash);
        const author = authorities[Number(slot % BigInt(authorities.length))].toHex();
        if (author === aura) {
          log(`${name}: #${checked + 1} (slot ${slot}) was authored by ${seed}, one of ${authorities.length} Aura authorities, and is final`);
          return true;
        }
      }
      return false;
    });
  } finally {
    await api.disconnect();
  }
}

async function upgrade(name) {
  const wasmFile = process.env.CIVIL_REGISTRY_UPGRADE_WASM;
  if (!wasmFile) throw new Error('CIVIL_REGISTRY_UPGRADE_WASM is not set');
  const api = await connect(endpoint(name));
  try {
    const before = api.runtimeVersion.specVersion.toNumber();
    const code = readFileSync(wasmFile);
    log(`running spec_version ${before}; installing ${wasmFile} (${code.length} bytes)`);

    // A record written before the upgrade, read through the runtime API and as raw storage.
    const bob = officer('//Bob');
    const registered = await registerBirth(api, bob, {
      jurisdiction: await jurisdictionByCode(api, 'UZ-TK-YUN'),
      birthDate: await today(api),
      identityKey: blake2AsHex(`upgrade-${Date.now()}`),
      dataRoot: blake2AsHex('data'),
      sex: 'Female',
      documentHash: blake2AsHex('birth certificate application'),
    });
    const read = async (client) => ({
      act: await act(client, registered.act),
      person: await person(client, registered.child),
      rawAct: (await client.rpc.state.getStorage(client.query.civilEvents.acts.key(registered.act))).toHex(),
      rawPerson: (await client.rpc.state.getStorage(client.query.persons.persons.key(registered.child))).toHex(),
    });
    const record = await read(api);
    log(`act ${registered.act} (child ${registered.child}) before the upgrade:`, JSON.stringify(record.act));

    // The council authorizes the code's hash, as root; then the code is installed, unsigned.
    const hash = blake2AsHex(code);
    await councilPasses(api, asRoot(api, api.tx.system.authorizeUpgrade(hash)));
    const authorized = await api.query.system.authorizedUpgrade();
    if (authorized.isNone || authorized.unwrap().codeHash.toHex() !== hash) {
      throw new Error(`the authorized upgrade is ${authorized}, not ${hash}`);
    }
    const blockHash = await installUpgrade(api, `0x${code.toString('hex')}`);
    const upgradedAt = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
    log(`code installed in block #${upgradedAt}`);

    const after = await until('the new runtime', 120, async () => {
      const v = await api.rpc.state.getRuntimeVersion();
      return v.specVersion.toNumber() > before && v.specVersion.toNumber();
    });
    log(`running spec_version ${after}`);
    // polkadot.js does not switch a live connection to a new runtime reliably (it mixes the
    // two runtimes' metadata: polkadot-js/api#4557); a program reconnects after an upgrade
    // (docs/integrators.md). The installing block's events and the record are read anew.
    const fresh = await connect(endpoint(name));
    let again;
    try {
      findEvent(fresh, await fresh.query.system.events.at(blockHash), 'CodeUpdated', 'system');
      again = await read(fresh);
    } finally {
      await fresh.disconnect();
    }
    for (const key of Object.keys(record)) {
      if (JSON.stringify(again[key]) !== JSON.stringify(record[key])) {
        throw new Error(`${key} changed in the upgrade: ${JSON.stringify(record[key])} -> ${JSON.stringify(again[key])}`);
      }
    }
    log(`act ${registered.act} and person ${registered.child} read the same after the upgrade`);
    await until(`finality past the upgrade (#${upgradedAt + 3})`, 120, async () => (await finalizedNumber(api)) >= upgradedAt + 3);
    log(`finalized #${await finalizedNumber(api)}`);
  } finally {
    await api.disconnect();
  }
}

async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/** Each of `names` (joined by +), connected, for the length of `body`. */
async function onEach(names, body) {
  const apis = await Promise.all(names.split('+').map(async (name) => [name, await connect(endpoint(name))]));
  try {
    await Promise.all(apis.map(([name, api]) => body(name, api)));
  } finally {
    await Promise.all(apis.map(([, api]) => api.disconnect()));
  }
}

async function finalityStalls(names, blocks, seconds) {
  await onEach(names, async (name, api) => {
    const [best, finalized] = [await bestNumber(api), await finalizedNumber(api)];
    await until(`${name}: best block past #${best + Number(blocks)}`, Number(seconds), async () =>
      (await bestNumber(api)) >= best + Number(blocks));
    const now = await finalizedNumber(api);
    if (now > best) throw new Error(`${name}: finality moved #${finalized} -> #${now}, past #${best}, with two of four voters down`);
    log(`${name}: best #${best} -> #${await bestNumber(api)}; finalized #${finalized} -> #${now}, not past #${best}`);
  });
}

async function catchesUp(names, seconds) {
  await onEach(names, async (name, api) => {
    const best = await bestNumber(api);
    const to = await until(`${name}: finality up to #${best}`, Number(seconds), async () => {
      const now = await finalizedNumber(api);
      return now >= best && now;
    });
    log(`${name}: finalized #${to}, past the best block #${best} of when the voters came back`);
  });
}

async function upgraded(name) {
  const api = await connect(endpoint(name));
  try {
    const genesis = await api.rpc.chain.getBlockHash(0);
    const [first, now] = await Promise.all([
      api.rpc.state.getRuntimeVersion(genesis),
      api.rpc.state.getRuntimeVersion(),
    ]);
    const [from, to] = [first.specVersion.toNumber(), now.specVersion.toNumber()];
    if (!(to > from)) throw new Error(`${name} runs spec_version ${to}, as at genesis`);
    log(`${name}: spec_version ${from} at genesis, ${to} now`);
  } finally {
    await api.disconnect();
  }
}

const metrics = JSON.parse(process.env.ZOMBIE_METRICS ?? '{}');

/** The node's count of GRANDPA precommits it cast itself. */
async function precommits(name) {
  const uri = metrics[name];
  if (!uri) throw new Error(`no metrics of "${name}" (ZOMBIE_METRICS has ${Object.keys(metrics).join(', ') || 'none'})`);
  const text = await (await fetch(uri)).text();
  const line = text.split('\n').find((l) => /^substrate_finality_grandpa_precommits_total(\{[^}]*\})? /.test(l));
  if (!line) throw new Error(`${name} reports no substrate_finality_grandpa_precommits_total`);
  return Number(line.split(' ').pop());
}

async function voting(name, votes, seconds) {
  const from = await until(`${name}'s metrics`, Number(seconds), async () => {
    try { return { n: await precommits(name) }; } catch { return false; }
  });
  const to = await until(`${name} casting ${votes} precommits`, Number(seconds), async () => {
    const now = await precommits(name);
    return now >= from.n + Number(votes) && now;
  });
  log(`${name}: votes again (GRANDPA precommits ${from.n} -> ${to})`);
}

const steps = {
  'add-authority': addAuthority,
  'finality-advances': finalityAdvances,
  'authored-by': authoredBy,
  upgrade,
  upgraded,
  'finality-stalls': finalityStalls,
  'catches-up': catchesUp,
  voting,
};

const [step, ...args] = process.argv.slice(2);
if (!steps[step]) {
  console.error(`usage: network.mjs <${Object.keys(steps).join('|')}> [args...]`);
  process.exit(2);
}
try {
  await steps[step](...args);
  process.exit(0);
} catch (e) {
  console.error(`${step}: ${e.message}${e.docs ? ` (${e.docs})` : ''}`);
  process.exit(1);
}
