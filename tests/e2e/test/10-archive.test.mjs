// Issue #15, the paper archive at roll-out, as an archive office meets it on a live node:
// persons and marriages imported in batches (one event per record; a re-run skips what is on
// chain; a bad record is refused alone), and a million synthetic records anchored by Merkle
// roots, then 1,000 of them proven and tampered proofs refused through `civil_verifyArchiveRecord`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { officer } from '../examples/connect.mjs';
import { anchorArchiveBatch, importArchive, verifyArchiveRecord } from '../examples/archive.mjs';
import { appointRegistrar, heartbeat } from '../examples/offices.mjs';
import { buildTree, proof, root } from '../../../scripts/load/archive-tree.mjs';
import { HTTP_ENDPOINT, YUNUSOBOD, hash, setup } from '../lib/helpers.mjs';

const { api, alice } = await setup();
test.after(() => api.disconnect());
// This file's own registrar of office 0 (Bob signs in the other files at the same time).
const archivist = officer('//Archivist');
await appointRegistrar(api, alice, archivist.address);

const person = (sex, year, extra = {}) => ({
  Person: {
    jurisdiction: YUNUSOBOD, birthDate: { year, month: 3, day: 1 }, identityKey: hash(),
    dataRoot: hash(), sex, mother: null, father: null, archiveReference: hash(), ...extra,
  },
});

test('an import of persons and marriages: one outcome per record, a re-run skips them all', async () => {
  const parents = [person('Female', 1950), person('Male', 1948)];
  const [mother, father] = (await importArchive(api, archivist, parents)).map((o) => o.enrolled);
  assert.ok(mother !== undefined && father !== undefined);
  const personOf = async (act) => (await api.query.civilEvents.acts(act)).unwrap().details.asEnrollment.person.unwrap().toNumber();
  const [m, f] = await Promise.all([personOf(mother), personOf(father)]);
  const records = [
    { Marriage: { jurisdiction: YUNUSOBOD, date: { year: 1972, month: 6, day: 1 }, first: m, second: f, archiveReference: hash() } },
    // A hundred children of the couple (a person's index holds 128 acts), 200 others.
    ...Array.from({ length: 300 }, (_, i) => person(i % 2 ? 'Male' : 'Female', 1975 + (i % 20),
      i < 100 ? { mother: m, father: f } : {})),
    // Born after the go-live: a birth act, not an enrollment.
    person('Male', 2026, {}),
  ];
  records[records.length - 1].Person.birthDate = { year: 2026, month: 6, day: 1 };
  const first = await importArchive(api, archivist, records, { batchSize: 64, backlog: 4 });
  assert.equal(first.length, records.length);
  assert.equal(first.filter((o) => o.enrolled !== undefined).length, 301);
  assert.deepEqual(first[first.length - 1], { refused: 'civilEvents.NotBeforeGoLive' });

  // Interrupted and run again: nothing new, every record reported as on chain already.
  const again = await importArchive(api, archivist, records.slice(0, 301), { batchSize: 64 });
  assert.deepEqual(again.map((o) => o.skipped), first.slice(0, 301).map((o) => o.enrolled));
  // The children are in their parents' indexes, as a birth's are.
  assert.equal((await api.query.civilEvents.actsOf(m)).length, 101);
});

test('a million archive records anchored in one block, 1,000 proven, tampered proofs refused', async () => {
  const office = (await api.query.offices.officers(archivist.address)).unwrap().office.toNumber();
  const perRoot = 65_536;
  const roots = 16; // 1,048,576 records
  const trees = [];
  const started = Date.now();
  for (let r = 0; r < roots; r++) {
    const records = Array.from({ length: perRoot }, () => randomBytes(32));
    trees.push({ records, tree: buildTree(records) });
  }
  const built = Date.now() - started;
  const period = { from: { year: 1930, month: 1, day: 1 }, to: { year: 1959, month: 12, day: 31 } };
  const before = (await api.rpc.chain.getHeader()).number.toNumber();
  const included = await Promise.all(trees.map(({ tree }) =>
    anchorArchiveBatch(api, archivist, root(tree), tree.count, office, period)));
  const blocks = new Set(await Promise.all(included.map(async ({ blockHash }) =>
    (await api.rpc.chain.getHeader(blockHash)).number.toNumber())));
  // One signer's 16 anchors fit in one block, two if the submission straddled a slot.
  assert.ok(blocks.size <= 2, `anchors spread over ${blocks.size} blocks`);
  console.log(`archive: ${roots * perRoot} records, trees built in ${built} ms, anchored in ` +
    `block(s) ${[...blocks].join(', ')} (submitted after block ${before})`);

  // The RPC answers at the finalized block: wait for it.
  const last = Math.max(...blocks);
  for (;;) {
    const finalized = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
    if (finalized.number.toNumber() >= last) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const hex = (bytes) => `0x${Buffer.from(bytes).toString('hex')}`;
  for (let k = 0; k < 1000; k++) {
    const { records, tree } = trees[k % roots];
    const i = Math.floor(Math.random() * perRoot);
    const answer = await verifyArchiveRecord(HTTP_ENDPOINT, root(tree), i, hex(records[i]), proof(tree, i));
    assert.equal(answer.proven, true, `record ${i} of root ${k % roots}`);
    assert.equal(answer.count, perRoot);
    assert.equal(answer.office, office);
    assert.equal(answer.periodFrom, '1930-01-01');
  }
  // Tampered: another record, another position, an altered sibling, one sibling too many or
  // too few; an unknown root; a position beyond the batch.
  const { records, tree } = trees[0];
  const good = proof(tree, 5);
  const altered = [...good];
  altered[3] = hash();
  const refusals = [
    [5, hex(records[6]), good],
    [6, hex(records[5]), good],
    [5, hex(records[5]), altered],
    [5, hex(records[5]), [...good, hash()]],
    [5, hex(records[5]), good.slice(1)],
  ];
  for (const [i, record, siblings] of refusals) {
    const answer = await verifyArchiveRecord(HTTP_ENDPOINT, root(tree), i, record, siblings);
    assert.deepEqual(answer, { proven: false, reason: 'notProven' });
  }
  assert.deepEqual(await verifyArchiveRecord(HTTP_ENDPOINT, root(tree), perRoot, hex(records[5]), good),
    { proven: false, reason: 'indexOutOfRange' });
  await assert.rejects(verifyArchiveRecord(HTTP_ENDPOINT, hash(), 5, hex(records[5]), good),
    (e) => e.code === 4004);
  await assert.rejects(verifyArchiveRecord(HTTP_ENDPOINT, root(tree), 5, hex(records[5]), Array(33).fill(hash())),
    (e) => e.code === -32602);
});

test('a heartbeat: an officer\'s transaction is included, a stranger\'s refused at the pool', async () => {
  assert.match(await heartbeat(api, archivist, `0x${'00'.repeat(1000)}`), /^0x[0-9a-f]{64}$/);
  await assert.rejects(heartbeat(api, officer('//NoRole'), '0x'), /1010: Invalid Transaction/);
});
