#!/usr/bin/env node
// The load generator: N officers, M acts, signed ahead of the pool and submitted with a bounded
// backlog per officer, measured side by side with a baseline of equal size in the same run.
// The acts are one queue: each officer's first `--backlog` transactions are signed before the
// clock starts, and an officer takes (and signs) the next act as soon as one of its own is in a
// block, so that every officer finishes at about the same time, as a real import client would.
//
//   node scripts/load/load.mjs --node <civil-registry-node> [options]   # starts a dev node
//   node scripts/load/load.mjs --url ws://host:9944 [--node-pid P --node-log F] [options]
//
// Against a network (zombienet/load.sh), --node-pid and --node-log take every node's, comma
// separated: CPU and RSS are summed over the nodes, and each block's build time is read from
// the log of the authority that proposed it.
//
// Options (defaults in brackets):
//   --kind batch|single   archive import batches (`enrollBatch`) or single `enrollPerson`s [batch]
//   --persons M           persons to enroll [20000]
//   --batch B             persons per batch [256]
//   --signers N           registrars appointed for the run (`//Load//1` ...) [8]
//   --backlog K           transactions each signer keeps in the pool at once [16]
//   --pool-limit L        the started node's `--pool-limit` (its future queue holds L/10) []
//   --no-baseline         skip the heartbeat baseline
//   --no-state            skip the state bytes (it reads every key of the registry twice)
//   --json FILE           write every figure as JSON
//   --chain ID            the started node's chain: dev (six-second slots, as in production),
//                         or dev-fast (two: the test command's smoke run), or a spec file [dev]
//   --base-path DIR       the started node's database, kept (scripts/weight-check.sh
//                         benchmarks its blocks); by default a temporary one, removed
//   --smoke               a short run for the test command: 512 persons in batches of 64 and
//                         64 single enrollments, 4 signers, pool limit 40 (so the pool refuses
//                         and the client must resubmit); asserts that every act is included
//                         exactly once and that the ratio to the baseline is sane.
//
// What it reports, per phase (the baseline `gate.heartbeat` with a payload that makes each
// transaction exactly as long as an act's, then the acts, both from the same signers):
// transactions and acts per second to inclusion and to finality, acts per block, the block
// weight used, the blocks' real build time (the node's "Prepared block for proposing" log
// lines), p50/p95 latency from submission to inclusion and to finality, node CPU and peak
// RSS, and the state bytes (keys + values) per act of each storage item of the registry.
//
// Nothing submitted is silently lost: each signer keeps at most `--backlog` transactions in
// flight; a transaction the pool refuses (full: "1014 Priority is too low", "Immediately
// Dropped") is submitted again after a pause; one dropped from the pool later is submitted
// again unless its nonce was used; at the end, every transaction's hash is looked up in the
// finalized blocks and must be there exactly once, and every act must have its event.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { Nodes, freePort, waitForRpc } from '../../tests/harness/nodes.mjs';

const YUNUSOBOD = 15; // office 0's district in the development genesis
const ERA_PERIOD = 1024; // blocks a signed transaction stays valid (~100 min)

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const o = {
    kind: 'batch',
    persons: 20000,
    batch: 256,
    signers: 8,
    backlog: 16,
    poolLimit: undefined,
    baseline: true,
    state: true,
    json: undefined,
    smoke: false,
    chain: 'dev',
    basePath: undefined,
    node: undefined,
    url: undefined,
    nodePid: undefined,
    nodeLog: undefined,
  };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--kind': o.kind = next(); break;
      case '--persons': o.persons = Number(next()); break;
      case '--batch': o.batch = Number(next()); break;
      case '--signers': o.signers = Number(next()); break;
      case '--backlog': o.backlog = Number(next()); break;
      case '--pool-limit': o.poolLimit = Number(next()); break;
      case '--no-baseline': o.baseline = false; break;
      case '--no-state': o.state = false; break;
      case '--json': o.json = next(); break;
      case '--smoke': o.smoke = true; break;
      case '--node': o.node = next(); break;
      case '--chain': o.chain = next(); break;
      case '--base-path': o.basePath = next(); break;
      case '--url': o.url = next(); break;
      case '--node-pid': o.nodePid = next().split(',').map(Number); break;
      case '--node-log': o.nodeLog = next().split(','); break;
      default: throw new Error(`unknown option ${a} (see the header of ${argv[1]})`);
    }
  }
  if (!['batch', 'single'].includes(o.kind)) throw new Error('--kind is batch or single');
  for (const k of ['persons', 'batch', 'signers', 'backlog']) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new Error(`--${k} must be a positive integer`);
  }
  if (o.backlog > 17) throw new Error('--backlog: the pool holds at most 17 of one signer');
  if (!o.node && !o.url) throw new Error('give --node <binary> or --url <ws endpoint>');
  return o;
}

// ---------------------------------------------------------------------------------------------
// A development node of our own

/** A development node (tests/harness: stopped by its PID however this script ends), on
 *  `chain` (a built-in chain or a spec file), its database in `basePath` (kept) or in a
 *  temporary directory (removed). */
async function startNode(binary, poolLimit, chain, basePath) {
  const nodes = new Nodes(binary, { prefix: 'civil-load-' });
  const [rpc, p2p] = [await freePort(), await freePort()];
  const args = [
    '--dev', '--chain', chain, '--base-path', basePath ?? join(nodes.work, 'chain'),
    '--rpc-port', String(rpc), '--listen-addr', `/ip4/127.0.0.1/tcp/${p2p}`, '--no-prometheus',
    '--no-telemetry', '--rpc-max-connections', '1000',
  ];
  if (poolLimit) args.push('--pool-limit', String(poolLimit));
  const node = nodes.start('node', args);
  const url = `ws://127.0.0.1:${rpc}`;
  await waitForRpc(url, 120_000, { node }).catch((e) => {
    // The log goes with the temporary directory: its end, here.
    throw new Error(`${e.message}; the end of the node's log:\n${node.tail(40)}`);
  });
  return { url, pid: node.pid, log: node.log, stop: () => nodes.stopAll(), dir: nodes.work };
}

// ---------------------------------------------------------------------------------------------
// Helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const hash = () => `0x${randomBytes(32).toString('hex')}`;

function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** CPU seconds and RSS of a process, or summed over processes, from /proc (Linux). */
function processUsage(pid) {
  if (!pid) return null;
  if (Array.isArray(pid)) {
    const each = pid.map(processUsage);
    if (each.some((u) => u === null)) return null;
    return { cpuSeconds: each.reduce((a, u) => a + u.cpuSeconds, 0), rss: each.reduce((a, u) => a + u.rss, 0) };
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    return { cpuSeconds: ticks / 100, rss };
  } catch {
    return null;
  }
}

/** Build time of each block the node(s) proposed, from the log(s): block number → milliseconds. */
function buildTimes(logFile) {
  const times = new Map();
  if (!logFile) return times;
  if (Array.isArray(logFile)) {
    for (const file of logFile) for (const [n, ms] of buildTimes(file)) times.set(n, ms);
    return times;
  }
  let text = '';
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return times;
  }
  for (const m of text.matchAll(/Prepared block for proposing at (\d+) \((\d+) ms\)/g)) {
    times.set(Number(m[1]), Number(m[2]));
  }
  return times;
}

async function finalizedNumber(api) {
  const head = await api.rpc.chain.getFinalizedHead();
  return (await api.rpc.chain.getHeader(head)).number.toNumber();
}

/** Send `tx` and wait until it is in a block (setup transactions, one signer). */
function sendAndWait(tx, signer, nonce) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, { era: 64, nonce }, ({ status, dispatchError }) => {
      if (dispatchError) reject(new Error(dispatchError.toString()));
      else if (status.isInBlock) resolve(status.asInBlock);
    }).catch(reject);
  });
}

// ---------------------------------------------------------------------------------------------
// State bytes per storage item

/** Keys + values, in bytes, and entries, of every storage item of the registry's pallets. */
async function stateBytes(api, provider, at) {
  const items = {};
  for (const pallet of ['persons', 'civilEvents', 'offices']) {
    for (const [name, entry] of Object.entries(api.query[pallet])) {
      if (typeof entry.keyPrefix !== 'function') continue;
      const prefix = entry.keyPrefix();
      let bytes = 0;
      let entries = 0;
      let start = undefined;
      for (;;) {
        const keys = await api.rpc.state.getKeysPaged(prefix, 1000, start, at);
        if (keys.length === 0) break;
        const hexes = keys.map((k) => k.toHex());
        const sets = await provider.send('state_queryStorageAt', [hexes, at]);
        for (const set of sets) {
          for (const [key, value] of set.changes) {
            if (value === null) continue;
            bytes += (key.length - 2) / 2 + (value.length - 2) / 2;
            entries += 1;
          }
        }
        if (keys.length < 1000) break;
        start = hexes[hexes.length - 1];
      }
      items[`${pallet}.${name}`] = { bytes, entries };
    }
  }
  return items;
}

function stateDelta(before, after, acts) {
  const rows = {};
  let total = 0;
  for (const [item, { bytes, entries }] of Object.entries(after)) {
    const delta = bytes - (before[item]?.bytes ?? 0);
    const newEntries = entries - (before[item]?.entries ?? 0);
    if (delta === 0 && newEntries === 0) continue;
    rows[item] = { bytesPerAct: delta / acts, entriesPerAct: newEntries / acts };
    total += delta;
  }
  return { perItem: rows, bytesPerAct: total / acts };
}

// ---------------------------------------------------------------------------------------------
// Workloads

function personRecord() {
  // Born before the development chain's go-live (2026-01-01), in office 0's district.
  const year = 1950 + Math.floor(Math.random() * 70);
  return {
    Person: {
      jurisdiction: YUNUSOBOD,
      birthDate: { year, month: 1 + Math.floor(Math.random() * 12), day: 1 + Math.floor(Math.random() * 28) },
      identityKey: hash(),
      dataRoot: hash(),
      sex: Math.random() < 0.5 ? 'Female' : 'Male',
      mother: null,
      father: null,
      archiveReference: hash(),
    },
  };
}

/** The calls of the acts phase: one per transaction, with the number of acts each holds. */
function actCalls(api, o) {
  const calls = [];
  if (o.kind === 'batch') {
    for (let left = o.persons; left > 0; left -= o.batch) {
      const n = Math.min(o.batch, left);
      const records = Array.from({ length: n }, personRecord);
      calls.push({ call: api.tx.civilEvents.enrollBatch(records), acts: n });
    }
  } else {
    for (let i = 0; i < o.persons; i++) {
      const p = personRecord().Person;
      calls.push({
        call: api.tx.civilEvents.enrollPerson(
          p.jurisdiction, p.birthDate, p.identityKey, p.dataRoot, p.sex, null, null, p.archiveReference,
        ),
        acts: 1,
      });
    }
  }
  return calls;
}

/** `call` with a signature of the right length (a mortal era, a small nonce), for its size. */
function fakeSigned(api, call, signer) {
  return call.signFake(signer.address, {
    nonce: 1000, blockHash: api.genesisHash, genesisHash: api.genesisHash,
    runtimeVersion: api.runtimeVersion,
    era: api.createType('ExtrinsicEra', { current: 1000, period: ERA_PERIOD }),
  });
}

/** A heartbeat whose signed transaction is exactly `length` bytes long. */
function heartbeatOfLength(api, signer, length) {
  const probe = (payload) => fakeSigned(api, api.tx.gate.heartbeat(`0x${'00'.repeat(payload)}`), signer).encodedLength;
  let payload = Math.max(0, length - probe(0));
  // The payload's length prefix grows at 64 and 16384 bytes: settle on the exact length.
  for (let i = 0; i < 4 && probe(payload) !== length; i++) payload += length - probe(payload);
  return api.tx.gate.heartbeat(`0x${'00'.repeat(Math.max(0, payload))}`);
}

// ---------------------------------------------------------------------------------------------
// One phase: pre-sign, submit with a bounded backlog, watch, resubmit, verify

async function runPhase(api, o, node, name, signers, calls) {
  const header = await api.rpc.chain.getHeader();
  const era = api.createType('ExtrinsicEra', { current: header.number.toNumber(), period: ERA_PERIOD });
  const signStart = Date.now();
  const nonces = (await Promise.all(signers.map((s) => api.rpc.system.accountNextIndex(s.address))))
    .map((n) => n.toNumber());
  const txs = [];
  const bySigner = signers.map(() => []);
  const byHash = new Map(); // every hash a transaction was signed with -> the transaction
  let signMs = 0;
  // Sign (again): sr25519 signatures are randomized, so a transaction signed again has another
  // hash — what the pool needs after it banned the first one for a while (1012, after a drop).
  const sign = async (tx) => {
    const started = Date.now();
    // A fresh extrinsic each time: signing mutates it, and calls may be shared.
    const signed = await api.tx(tx.call.method).signAsync(signers[tx.signer], { nonce: tx.nonce, era, blockHash: header.hash });
    tx.hex = signed.toHex();
    tx.hash = signed.hash.toHex();
    tx.length = signed.encodedLength;
    tx.hashes.add(tx.hash);
    byHash.set(tx.hash, tx);
    signMs += Date.now() - started;
  };
  // The calls are one queue; a signer takes the next call when it has room in its backlog.
  // The block builder does not take every signer's transactions at the same pace (the gate
  // lets one officer put 2 batches in a block, and more officers wait than a block holds), so
  // calls divided in advance would leave the slower signers draining their queues alone at
  // the end, in part-empty blocks; taken on demand, every signer finishes at about the same
  // time — as an import client works.
  let nextCall = 0;
  const take = async (s) => {
    const c = calls[nextCall++];
    const tx = { signer: s, nonce: nonces[s]++, call: c.call, hashes: new Set(), acts: c.acts, submittedAt: Date.now() };
    await sign(tx);
    txs.push(tx);
    bySigner[s].push(tx);
    return tx;
  };
  // The first window of every signer is signed before the clock starts.
  for (let k = 0; k < o.backlog; k++) {
    for (let s = 0; s < signers.length && nextCall < calls.length; s++) await take(s);
  }
  const signSeconds = (Date.now() - signStart) / 1000;
  signMs = 0;

  const startBlock = header.number.toNumber();
  const before = o.measureState ? await stateBytes(api, node.provider, header.hash) : null;
  const usage0 = processUsage(node.pid);
  let peakRss = usage0?.rss ?? 0;
  const rssTimer = setInterval(() => {
    const u = processUsage(node.pid);
    if (u) peakRss = Math.max(peakRss, u.rss);
  }, 500);

  let refused = 0;
  let resubmitted = 0;
  const t0 = Date.now();
  txs.forEach((t) => { t.submittedAt = t0; });

  // Inclusion and finality, from the blocks themselves: every new best block is read once and
  // our hashes in it noted; a finalized head finalizes every block up to it.
  const blockOf = new Map(); // block number -> our transactions in it
  let lastSeen = startBlock;
  const readBlocks = async (upTo) => {
    for (let n = lastSeen + 1; n <= upTo; n++) {
      const block = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(n));
      const ours = [];
      for (const ext of block.block.extrinsics) {
        const t = byHash.get(ext.hash.toHex());
        if (t) { ours.push(t); t.inBlockAt ??= Date.now(); t.block = n; }
      }
      blockOf.set(n, ours);
      lastSeen = n;
    }
  };
  const unsubNew = await api.rpc.chain.subscribeNewHeads((h) => { pendingBest = h.number.toNumber(); });
  let pendingBest = startBlock;
  let finalized = startBlock;
  const unsubFinal = await api.rpc.chain.subscribeFinalizedHeads((h) => {
    const f = h.number.toNumber();
    for (let n = finalized + 1; n <= f; n++) for (const t of blockOf.get(n) ?? []) t.finalizedAt ??= Date.now();
    finalized = Math.max(finalized, f);
  });

  // Each signer keeps at most `backlog` transactions in the pool, in nonce order; a
  // transaction neither in a block nor in the pool (refused, or dropped later) is sent again.
  const submit = async (tx) => {
    try {
      await api.rpc.author.submitExtrinsic(tx.hex);
      tx.sentAt = Date.now();
    } catch (e) {
      const message = String(e.message ?? e);
      if (/1012|temporarily banned/i.test(message)) {
        // Dropped before, and banned by its hash for a while: the same transaction, signed
        // again, has another hash.
        await sign(tx);
        refused += 1;
      } else if (/1014|1016|Immediately Dropped|Priority is too low|Future|limit|1013|already imported/i.test(message)) {
        refused += 1; // the pool is full, or holds it already: look again next round
        if (/1013|already imported/i.test(message)) tx.sentAt = Date.now();
      } else if (/Stale|outdated/i.test(message)) {
        tx.stale = true; // its nonce is used: the blocks say whether by it
      } else {
        throw new Error(`${name}: transaction ${tx.hash} refused: ${message}`);
      }
    }
  };
  const deadline = Date.now() + 900_000;
  for (;;) {
    await readBlocks(pendingBest);
    const open = txs.filter((t) => t.block === undefined);
    if (open.length === 0 && nextCall === calls.length) break;
    if (Date.now() > deadline) throw new Error(`${name}: ${open.length} transactions not included in 15 minutes`);
    // A transaction sent in the last two blocks is left alone; for older ones the pool is
    // asked (its content is large: not every round).
    const now = Date.now();
    const windows = bySigner.map((list) => list.filter((t) => t.block === undefined).slice(0, o.backlog));
    for (let s = 0; s < signers.length; s++) {
      while (windows[s].length < o.backlog && nextCall < calls.length) windows[s].push(await take(s));
    }
    const overdue = windows.flat().some((t) => t.sentAt !== undefined && now - t.sentAt > 12_000);
    const inPool = overdue
      ? new Set((await api.rpc.author.pendingExtrinsics()).map((x) => x.hash.toHex()))
      : null;
    await Promise.all(windows.map(async (window) => {
      for (const tx of window) {
        if (tx.stale) continue;
        if (tx.sentAt !== undefined && (now - tx.sentAt <= 12_000 || inPool?.has(tx.hash))) continue;
        // Sent but gone from the pool and from the blocks: dropped. Send it again.
        if (tx.sentAt !== undefined) resubmitted += 1;
        await submit(tx);
      }
    }));
    await sleep(500);
  }
  // Finality of the last block with our transactions.
  const lastBlock = Math.max(...txs.map((t) => t.block));
  while (finalized < lastBlock) await sleep(250);
  for (const t of txs) t.finalizedAt ??= Date.now();
  unsubNew();
  unsubFinal();
  const submittedAll = Date.now();
  clearInterval(rssTimer);
  const usage1 = processUsage(node.pid);
  const endBlock = await finalizedNumber(api);
  const endHash = await api.rpc.chain.getBlockHash(endBlock);

  // Verify on chain: every transaction exactly once, every act enrolled, and the blocks.
  const wanted = new Map(txs.flatMap((t) => [...t.hashes].map((h) => [h, t])));
  const seen = new Map();
  const blocks = [];
  const maxWeight = api.consts.system.blockWeights.maxBlock.refTime.toBigInt();
  const times = buildTimes(node.log);
  let enrolled = 0;
  let skipped = 0;
  let failed = 0;
  for (let n = startBlock + 1; n <= endBlock; n++) {
    const blockHash = await api.rpc.chain.getBlockHash(n);
    const [block, apiAt] = await Promise.all([api.rpc.chain.getBlock(blockHash), api.at(blockHash)]);
    const [events, weight] = await Promise.all([apiAt.query.system.events(), apiAt.query.system.blockWeight()]);
    let ours = 0;
    let acts = 0;
    block.block.extrinsics.forEach((ext, index) => {
      const h = ext.hash.toHex();
      if (!wanted.has(h)) return;
      const tx = wanted.get(h);
      seen.set(tx, (seen.get(tx) ?? 0) + 1);
      ours += 1;
      for (const { phase, event } of events) {
        if (!phase.isApplyExtrinsic || phase.asApplyExtrinsic.toNumber() !== index) continue;
        if (event.section === 'civilEvents' && event.method === 'PersonEnrolled') { enrolled += 1; acts += 1; }
        if (event.section === 'civilEvents' && event.method === 'ArchiveRecordSkipped') skipped += 1;
        if (event.section === 'civilEvents' && event.method === 'ArchiveRecordRefused') failed += 1;
        if (event.section === 'system' && event.method === 'ExtrinsicFailed') failed += 1;
        if (name === 'baseline' && event.section === 'system' && event.method === 'ExtrinsicSuccess') acts += 1;
      }
    });
    if (ours === 0) continue;
    const normal = weight.normal.refTime.toBigInt();
    blocks.push({
      number: n,
      transactions: ours,
      acts,
      weightPercent: Number((normal * 10000n) / maxWeight) / 100,
      weightMs: Number(normal / 1_000_000_000n),
      buildMs: times.get(n) ?? null,
    });
  }
  const missing = txs.filter((t) => !seen.has(t)).length;
  const duplicated = [...seen.values()].filter((c) => c > 1).length;
  const actsWanted = txs.reduce((a, t) => a + t.acts, 0);
  const after = o.measureState ? await stateBytes(api, node.provider, endHash) : null;

  const lastInBlock = Math.max(...txs.map((t) => t.inBlockAt ?? t.finalizedAt ?? submittedAll));
  const lastFinal = Math.max(...txs.map((t) => t.finalizedAt ?? submittedAll));
  const inclusionSeconds = (lastInBlock - t0) / 1000;
  const finalitySeconds = (lastFinal - t0) / 1000;
  const latency = (field) => txs.filter((t) => t[field] !== undefined).map((t) => t[field] - t.submittedAt);
  const full = blocks.filter((b) => b.buildMs !== null && b.weightMs > 0);
  const execToWeight = full.map((b) => b.buildMs / b.weightMs);
  const result = {
    phase: name,
    transactions: txs.length,
    transactionBytes: txs[0]?.length ?? 0,
    acts: actsWanted,
    signSeconds,
    signSecondsDuringRun: signMs / 1000,
    included: { missing, duplicated, enrolled, skipped, failed, refusedBySubmission: refused, resubmitted },
    inclusionSeconds,
    finalitySeconds,
    transactionsPerSecondToInclusion: txs.length / inclusionSeconds,
    actsPerSecondToInclusion: actsWanted / inclusionSeconds,
    actsPerSecondToFinality: actsWanted / finalitySeconds,
    blocks: blocks.length,
    actsPerBlock: { mean: blocks.length ? actsWanted / blocks.length : 0, max: Math.max(0, ...blocks.map((b) => b.acts)) },
    weightPercentPerBlock: { mean: mean(blocks.map((b) => b.weightPercent)), max: Math.max(0, ...blocks.map((b) => b.weightPercent)) },
    buildMsPerBlock: { mean: mean(full.map((b) => b.buildMs)), max: Math.max(0, ...full.map((b) => b.buildMs)) },
    buildTimeToWeight: { mean: mean(execToWeight), min: execToWeight.length ? Math.min(...execToWeight) : null, max: execToWeight.length ? Math.max(...execToWeight) : null },
    latencyMs: {
      inclusionP50: percentile(latency('inBlockAt'), 50),
      inclusionP95: percentile(latency('inBlockAt'), 95),
      finalityP50: percentile(latency('finalizedAt'), 50),
      finalityP95: percentile(latency('finalizedAt'), 95),
    },
    node: usage0 && usage1
      ? { cpuPercent: (100 * (usage1.cpuSeconds - usage0.cpuSeconds)) / finalitySeconds, peakRssMiB: peakRss / 2 ** 20 }
      : null,
    state: before && after ? stateDelta(before, after, actsWanted) : null,
    blockList: blocks,
  };
  return result;
}

function mean(values) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const o = parseArgs(process.argv);
  if (o.smoke) {
    Object.assign(o, { persons: 512, batch: 64, signers: 4, poolLimit: o.poolLimit ?? 40 });
  }
  o.measureState = o.state;
  await cryptoWaitReady();
  const node = o.node ? await startNode(o.node, o.poolLimit, o.chain, o.basePath) : { url: o.url, pid: o.nodePid, log: o.nodeLog };
  node.provider = new WsProvider(node.url);
  const api = await ApiPromise.create({ provider: node.provider, noInitWarn: true });
  try {
    while ((await api.rpc.chain.getHeader()).number.toNumber() < 1) await sleep(500);
    const keyring = new Keyring({ type: 'sr25519' });
    const alice = keyring.addFromUri('//Alice');
    const signers = Array.from({ length: o.signers }, (_, i) => keyring.addFromUri(`//Load//${i + 1}`));
    // Alice heads office 0: she appoints the signers as its registrars (once per chain).
    const absent = [];
    for (const s of signers) {
      if ((await api.query.offices.officers(s.address)).isNone) absent.push(s);
    }
    // In rounds of 16: the pool holds at most 17 transactions of one signer.
    for (let i = 0; i < absent.length; i += 16) {
      const round = absent.slice(i, i + 16);
      const first = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
      await Promise.all(round.map((s, k) => sendAndWait(api.tx.offices.appointRegistrar(s.address), alice, first + k)));
    }

    const runs = [];
    const kinds = o.smoke ? ['batch', 'single'] : [o.kind];
    for (const kind of kinds) {
      const opts = { ...o, kind, persons: o.smoke && kind === 'single' ? 64 : o.persons };
      const calls = actCalls(api, opts);
      let baseline = null;
      if (o.baseline) {
        const length = fakeSigned(api, calls[0].call, signers[0]).encodedLength;
        const hb = heartbeatOfLength(api, signers[0], length);
        const hbCalls = calls.map(() => ({ call: hb, acts: 1 }));
        baseline = await runPhase(api, opts, node, 'baseline', signers, hbCalls);
      }
      const acts = await runPhase(api, opts, node, kind, signers, calls);
      const ratio = baseline ? acts.transactionsPerSecondToInclusion / baseline.transactionsPerSecondToInclusion : null;
      runs.push({ kind, baseline, acts, ratioToBaseline: ratio });
      report(kind, baseline, acts, ratio);
    }
    const result = {
      command: process.argv.slice(2).join(' '),
      date: new Date().toISOString(),
      runs,
    };
    if (o.json) writeFileSync(o.json, JSON.stringify(result, null, 2));

    // Every act included exactly once, in every run (the smoke run's pool refuses, so this
    // also tests the resubmission).
    let ok = true;
    for (const r of runs) {
      for (const phase of [r.baseline, r.acts].filter(Boolean)) {
        const i = phase.included;
        if (i.missing || i.duplicated || i.failed) {
          console.error(`load: ${r.kind}/${phase.phase}: ${i.missing} missing, ${i.duplicated} twice, ${i.failed} failed`);
          ok = false;
        }
      }
      if (r.acts.included.enrolled !== r.acts.acts) {
        console.error(`load: ${r.kind}: ${r.acts.included.enrolled} persons enrolled of ${r.acts.acts}`);
        ok = false;
      }
      if (o.smoke && r.ratioToBaseline !== null && !(r.ratioToBaseline > 0.2)) {
        console.error(`load: ${r.kind}: ${r.ratioToBaseline.toFixed(2)} of the baseline's transactions per second`);
        ok = false;
      }
    }
    if (o.smoke && !runs.some((r) => r.acts.included.refusedBySubmission + (r.baseline?.included.refusedBySubmission ?? 0) > 0)) {
      console.error('load: the smoke run never filled the pool: its resubmission went untested');
      ok = false;
    }
    if (!ok) process.exitCode = 1;
    else console.log('load: every transaction included exactly once, every act enrolled');
  } finally {
    await api.disconnect();
    await node.stop?.();
  }
}

function report(kind, baseline, acts, ratio) {
  const line = (p) => {
    const l = p.latencyMs;
    return [
      `  ${p.phase.padEnd(8)} ${p.transactions} tx of ${p.transactionBytes} B, ${p.acts} acts`,
      `    to inclusion ${p.actsPerSecondToInclusion.toFixed(1)} acts/s (${p.transactionsPerSecondToInclusion.toFixed(1)} tx/s), to finality ${p.actsPerSecondToFinality.toFixed(1)} acts/s`,
      `    ${p.blocks} blocks, ${p.actsPerBlock.mean.toFixed(1)} acts/block (max ${p.actsPerBlock.max}), weight ${fmt(p.weightPercentPerBlock.mean)} % (max ${fmt(p.weightPercentPerBlock.max)} %)`,
      `    block build ${fmt(p.buildMsPerBlock.mean)} ms (max ${fmt(p.buildMsPerBlock.max)}), build/weight ${fmt(p.buildTimeToWeight.mean)} (${fmt(p.buildTimeToWeight.min)}–${fmt(p.buildTimeToWeight.max)})`,
      `    latency to inclusion p50 ${l.inclusionP50} ms p95 ${l.inclusionP95} ms, to finality p50 ${l.finalityP50} ms p95 ${l.finalityP95} ms`,
      `    node ${p.node ? `${p.node.cpuPercent.toFixed(0)} % CPU, peak RSS ${p.node.peakRssMiB.toFixed(0)} MiB` : 'not measured'}`,
      `    pool refusals ${p.included.refusedBySubmission}, resubmitted after a drop ${p.included.resubmitted}, missing ${p.included.missing}, twice ${p.included.duplicated}`,
      p.state ? `    state ${p.state.bytesPerAct.toFixed(0)} B/act: ${Object.entries(p.state.perItem).map(([k, v]) => `${k} ${v.bytesPerAct.toFixed(1)}`).join(', ')}` : '',
    ].filter(Boolean).join('\n');
  };
  console.log(`load: ${kind}`);
  if (baseline) console.log(line(baseline));
  console.log(line(acts));
  if (ratio !== null) console.log(`  ratio of transactions per second to the baseline: ${ratio.toFixed(2)}`);
}

function fmt(x) {
  return x === null || x === undefined || Number.isNaN(x) ? '–' : Number(x).toFixed(2);
}

main().catch((e) => {
  console.error(`load: ${e.stack ?? e}`);
  process.exit(1);
});
