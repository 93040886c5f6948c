#!/usr/bin/env node
// The Merkle tree of archive anchoring, built off chain exactly as the runtime verifies it
// (primitives/src/archive.rs):
// - a leaf is blake2_256(0x00 ‖ record hash), an inner node blake2_256(0x01 ‖ left ‖ right);
// - each level pairs its nodes left to right; the last node of an odd level is carried up;
// - a proof lists, from the leaf up, the sibling of each level where there is one.
//
// As a program:
//   node scripts/load/archive-tree.mjs root  <file of record hashes, one 0x… per line>
//   node scripts/load/archive-tree.mjs proof <file> <index>
//   node scripts/load/archive-tree.mjs --self-test
// `root` prints the root and the count (the arguments of `civilEvents.anchorArchiveBatch`);
// `proof` prints the JSON arguments of `civil_verifyArchiveRecord` for one record.
// As a module: `buildTree(records)` → tree, `root(tree)`, `proof(tree, index)`,
// `verify(root, count, index, record, proof)`; records are 32-byte Uint8Arrays.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { u8aToHex, hexToU8a } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';

const leafInput = new Uint8Array(33);
const nodeInput = new Uint8Array(65);
nodeInput[0] = 1;

export function leaf(record) {
  leafInput.set(record, 1);
  return blake2AsU8a(leafInput, 256);
}

export function node(left, right) {
  nodeInput.set(left, 1);
  nodeInput.set(right, 33);
  return blake2AsU8a(nodeInput, 256);
}

/** Every level of the tree over `records`, leaves first, each a flat Uint8Array of hashes. */
export function buildTree(records) {
  if (records.length === 0) throw new Error('a tree needs at least one record');
  let width = records.length;
  let level = new Uint8Array(width * 32);
  records.forEach((r, i) => level.set(leaf(r), i * 32));
  const levels = [level];
  while (width > 1) {
    const upper = Math.ceil(width / 2);
    const next = new Uint8Array(upper * 32);
    for (let i = 0; i < upper; i++) {
      const l = 2 * i;
      if (l + 1 < width) {
        next.set(node(level.subarray(l * 32, l * 32 + 32), level.subarray(l * 32 + 32, l * 32 + 64)), i * 32);
      } else {
        next.set(level.subarray(l * 32, l * 32 + 32), i * 32);
      }
    }
    levels.push(next);
    level = next;
    width = upper;
  }
  return { levels, count: records.length };
}

export function root(tree) {
  return u8aToHex(tree.levels[tree.levels.length - 1].subarray(0, 32));
}

/** The proof of record `index`: the siblings from the leaf up, as 0x hex strings. */
export function proof(tree, index) {
  if (!(index >= 0 && index < tree.count)) throw new Error(`index ${index} is not below ${tree.count}`);
  const siblings = [];
  let position = index;
  for (const level of tree.levels.slice(0, -1)) {
    const width = level.length / 32;
    const sibling = position ^ 1;
    if (sibling < width) siblings.push(u8aToHex(level.subarray(sibling * 32, sibling * 32 + 32)));
    position = Math.floor(position / 2);
  }
  return siblings;
}

/** The runtime's check, in JavaScript: whether `siblings` lead from `record` to `rootHex`. */
export function verify(rootHex, count, index, record, siblings) {
  if (index >= count) return false;
  let hash = leaf(typeof record === 'string' ? hexToU8a(record) : record);
  let [position, width, next] = [index, count, 0];
  while (width > 1) {
    if (position % 2 === 1) {
      if (next >= siblings.length) return false;
      hash = node(hexToU8a(siblings[next++]), hash);
    } else if (position + 1 < width) {
      if (next >= siblings.length) return false;
      hash = node(hash, hexToU8a(siblings[next++]));
    }
    position = Math.floor(position / 2);
    width = Math.ceil(width / 2);
  }
  return next === siblings.length && u8aToHex(hash) === rootHex;
}

/** The records of the runtime's unit test: blake2_256 of 0, 1, 2, ... as u32 little-endian. */
export function testRecords(n) {
  return Array.from({ length: n }, (_, i) => {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, i, true);
    return blake2AsU8a(bytes, 256);
  });
}

function readRecords(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, i) => {
      if (!/^0x[0-9a-fA-F]{64}$/.test(l)) throw new Error(`${file}:${i + 1}: not a 0x-prefixed 32-byte hash`);
      return hexToU8a(l);
    });
}

async function main(argv) {
  await cryptoWaitReady();
  const [command, file, index] = argv;
  if (command === '--self-test') {
    const tree = buildTree(testRecords(3));
    console.log(root(tree));
  } else if (command === 'root' && file) {
    const tree = buildTree(readRecords(file));
    console.log(JSON.stringify({ root: root(tree), count: tree.count }));
  } else if (command === 'proof' && file && index !== undefined) {
    const records = readRecords(file);
    const tree = buildTree(records);
    const i = Number(index);
    console.log(JSON.stringify({ root: root(tree), index: i, record: u8aToHex(records[i]), proof: proof(tree, i) }));
  } else {
    console.error('usage: archive-tree.mjs root <file> | proof <file> <index> | --self-test');
    process.exit(2);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
