// Acceptance 3 of issue #6: from the live node's metadata, every call, event, error and
// storage item of Offices, Persons and CivilEvents carries docs; the runtime API is there.
import test from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import { officer } from '../examples/connect.mjs';
import { setup } from '../lib/helpers.mjs';

const { api } = await setup();
test.after(() => api.disconnect());

const PALLETS = ['Offices', 'Persons', 'CivilEvents'];

/** The variants (calls, events or errors) of a pallet, by their type in the lookup. */
function variants(typeId) {
  return api.registry.lookup.getSiType(typeId).def.asVariant.variants;
}

test('the runtime exposes metadata V15 or newer', () => {
  assert.ok(api.runtimeMetadata.version >= 15, `metadata V${api.runtimeMetadata.version}`);
});

test('every call, event, error and storage item of the registry pallets has docs', () => {
  const counts = {};
  for (const pallet of api.runtimeMetadata.asLatest.pallets) {
    const name = pallet.name.toString();
    if (!PALLETS.includes(name)) continue;
    const undocumented = [];
    const items = [];
    for (const kind of ['calls', 'events', 'errors']) {
      if (pallet[kind].isNone) continue;
      for (const v of variants(pallet[kind].unwrap().type)) {
        items.push(`${kind} ${v.name}`);
        if (v.docs.length === 0 || v.docs.join('').trim() === '') undocumented.push(`${name} ${kind} ${v.name}`);
      }
    }
    if (pallet.storage.isSome) {
      for (const item of pallet.storage.unwrap().items) {
        items.push(`storage ${item.name}`);
        if (item.docs.join('').trim() === '') undocumented.push(`${name} storage ${item.name}`);
      }
    }
    counts[name] = items.length;
    assert.deepEqual(undocumented, [], 'undocumented items');
  }
  assert.deepEqual(Object.keys(counts).sort(), [...PALLETS].sort());
  // Offices and CivilEvents have calls, events, errors and storage; Persons storage and errors.
  assert.ok(counts.CivilEvents > 80, `CivilEvents has ${counts.CivilEvents} items`);
});

test('the CivilRegistryApi runtime API is in the metadata with docs for every method', () => {
  const civil = api.runtimeMetadata.asLatest.apis.find((a) => a.name.toString() === 'CivilRegistryApi');
  assert.ok(civil, 'CivilRegistryApi is declared');
  const methods = civil.methods.map((m) => m.name.toString()).sort();
  assert.deepEqual(methods, ['act', 'acts_of', 'acts_under_review', 'application_status', 'block_activity', 'directory',
    'feed_events', 'office', 'officer', 'overdue_notifications', 'person', 'published_statistics', 'statistics',
    'verify_archive_record', 'verify_certificate', 'vital_statistics']);
  // Version 2: what the public gateway serves; version 3: the district's overdue notifications,
  // an application's public status, a block's events for the feed; version 4: the UN's tables.
  const version = api.runtimeVersion.apis.find(([id]) => id.toHex() === blake2AsHex('CivilRegistryApi', 64))[1].toNumber();
  assert.equal(version, 4);
  for (const m of civil.methods) assert.ok(m.docs.join('').trim(), `${m.name} has docs`);
  assert.equal(typeof api.call.civilRegistryApi.verifyCertificate, 'function');
});

test('the node runs the production runtime: no benchmarking API in it', () => {
  // A runtime API's id is the BLAKE2b-64 of its name. The test command builds the node with
  // the runtime-benchmarks feature natively (so the benchmarks run as tests in the same
  // build) but must start it with the Wasm runtime a production build has.
  const ids = api.runtimeVersion.apis.map(([id]) => id.toHex());
  assert.ok(ids.includes(blake2AsHex('Core', 64)), 'the Core API is found by its id');
  assert.ok(ids.includes(blake2AsHex('CivilRegistryApi', 64)), 'so is CivilRegistryApi');
  assert.ok(!ids.includes(blake2AsHex('Benchmark', 64)), 'the runtime has the Benchmark API');
});

test('there is no payment RPC: the chain is feeless', async () => {
  const { methods } = (await api.rpc.rpc.methods()).toJSON();
  assert.ok(methods.includes('civil_verifyCertificate'));
  assert.ok(methods.includes('civil_statistics'));
  assert.ok(!methods.some((m) => m.startsWith('payment_')));
  // Fee estimates fail as docs/integrators.md says: there is no TransactionPaymentApi.
  await assert.rejects(
    async () => api.tx.system.remark('0x00').paymentInfo(officer('//Bob')),
    /transactionPaymentApi.queryInfo runtime call is not available/);
});
