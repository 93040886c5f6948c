// What the tests share: one connection per test file, the development officers, fresh
// identity keys, and the checks a block explorer needs of every event.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { connect, officer, today } from '../examples/connect.mjs';
import { receiveApplication, shortenWaiting, trackingCode } from '../examples/services.mjs';

export const ENDPOINT = process.env.CIVIL_WS ?? 'ws://127.0.0.1:9944';
export const HTTP_ENDPOINT = ENDPOINT.replace(/^ws/, 'http');

/** Yunusobod district (office 0 serves it) and the Tashkent city region above it, in the
 *  development genesis. */
export const YUNUSOBOD = 15;
export const TASHKENT = 12;
export const UZBEKISTAN = 0;

/** The registry pallets whose events and metadata the suite checks. */
export const PALLETS = ['offices', 'persons', 'civilEvents'];

/** Connect, and wait for the first block (the chain's clock starts with it). */
export async function setup() {
  const api = await connect(ENDPOINT);
  const alice = officer('//Alice');
  const bob = officer('//Bob');
  // Heads the Tashkent City Justice Department: the regional level that approves changes of
  // parents, sex or identity, and the work of a registrar the office's head appointed.
  const eve = officer('//Eve');
  await waitForBlock(api, 1);
  return { api, alice, bob, eve };
}

export async function waitForBlock(api, n) {
  for (;;) {
    const header = await api.rpc.chain.getHeader();
    if (header.number.toNumber() >= n) return header.number.toNumber();
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Wait until the block the node's best block is now has been finalized, so that the
 *  `civil_*` RPC (which answers at the finalized block by default) sees what is in it. */
export async function waitForFinality(api) {
  const target = (await api.rpc.chain.getHeader()).number.toNumber();
  for (;;) {
    const finalized = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
    if (finalized.number.toNumber() >= target) return target;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A random 32-byte hash: identity keys, data roots, document hashes. */
export function hash() {
  return `0x${randomBytes(32).toString('hex')}`;
}

/** A registry date `n` days before `date`. */
export function daysBefore(date, n) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day - n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `promise` rejects with exactly `name` (e.g. `civilEvents.AlreadyMarried`). */
export async function rejectsWith(promise, name) {
  await assert.rejects(promise, (e) => {
    assert.equal(e.message, name);
    return true;
  });
}

/** Every event of the registry pallets among `events` decodes to named fields, each with a
 *  value: what a block explorer needs to show it without custom types. Returns the events as
 *  `section.method` names. */
export function assertNamedFields(events) {
  const seen = [];
  for (const { event } of events) {
    if (!PALLETS.includes(event.section)) continue;
    const name = `${event.section}.${event.method}`;
    seen.push(name);
    assert.ok(event.meta.docs.length > 0, `${name} has docs`);
    assert.equal(event.data.names?.length, event.data.length, `${name} has a name for every field`);
    event.data.names.forEach((field, i) => {
      assert.ok(field, `${name} field ${i} is named`);
      assert.notEqual(event.data[i].toHuman(), undefined, `${name}.${field} decodes`);
    });
  }
  return seen;
}

/** A marriage application of `first` and `second` to `registrar`'s office, its waiting period
 *  shortened to today by the head of the Tashkent City Justice Department (Eve, the regional
 *  level over every office the suite's marriages are registered in) for a threat to life: what
 *  lets a test register a marriage today. The waiting period itself is tested with its own
 *  application (`12-portal.test.mjs`). Returns the application's id. */
export async function readyToMarry(api, registrar, first, second) {
  const application = await receiveApplication(api, registrar, 'Marriage', trackingCode(), [first, second]);
  await shortenWaiting(api, officer('//Eve'), application, 'ThreatToLife', await today(api), hash());
  return application;
}
