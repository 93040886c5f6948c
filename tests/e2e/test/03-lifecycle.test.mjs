// Issue #6 with #5: four-eyes corrections, revocation, certificates and statistics through
// polkadot.js, the runtime API and the `civil_*` RPC of a live node.
import test from 'node:test';
import assert from 'node:assert/strict';
import { findEvent, submit, submitAsGovernance, today } from '../examples/connect.mjs';
import * as acts from '../examples/acts.mjs';
import * as lifecycle from '../examples/lifecycle.mjs';
import * as queries from '../examples/queries.mjs';
import {
  HTTP_ENDPOINT, TASHKENT, UZBEKISTAN, YUNUSOBOD, daysBefore, hash, rejectsWith, setup,
  waitForFinality,
  readyToMarry,
} from '../lib/helpers.mjs';

const { api, alice, bob } = await setup();
test.after(() => api.disconnect());
const now = await today(api);
const month = { year: now.year, month: now.month };
const monthText = `${now.year}-${String(now.month).padStart(2, '0')}`;

const enroll = (sex, birthDate) => acts.enrollPerson(api, bob, {
  jurisdiction: YUNUSOBOD, birthDate, identityKey: hash(), dataRoot: hash(), sex, archiveReference: hash(),
});
// The acts the tests below start from, registered together (one block).
const [{ act: birth, child }, { act: spareAct }, { person: bride }, { person: groom }] = await Promise.all([
  acts.registerBirth(api, bob, {
    jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Female',
    documentHash: hash(),
  }),
  enroll('Male', { year: 1970, month: 1, day: 1 }),
  enroll('Female', { year: 1996, month: 1, day: 1 }),
  enroll('Male', { year: 1995, month: 1, day: 1 }),
]);

test('a certificate is valid, superseded by a four-eyes correction, then revoked', async () => {
  // Bob issues a certificate and proposes a correction of the date of birth; a revocation of
  // another act is proposed meanwhile, to be withdrawn below.
  const first = hash();
  const corrected = daysBefore(now, 1);
  const [version, proposal, spareRevocation] = await Promise.all([
    lifecycle.issueCertificate(api, bob, birth, first),
    lifecycle.proposeAmendment(api, bob, birth, hash(), 'ClericalError', { eventDate: corrected }),
    lifecycle.proposeRevocation(api, bob, spareAct, hash()),
  ]);
  assert.equal(version, 1);
  assert.deepEqual(
    { ...(await queries.verifyCertificate(api, first)), issuedAt: 0 },
    { status: 'Valid', kind: 'Birth', office: 0, version: 1, currentVersion: 1, issuedAt: 0 });
  // The RPC answers from the finalized block unless asked for the best one.
  const fromBest = await queries.verifyFromQr(HTTP_ENDPOINT, `${first}\n`, 'best');
  assert.deepEqual([fromBest.status, fromBest.kind, fromBest.version], ['valid', 'birth', 1]);
  await waitForFinality(api);
  const fromQr = await queries.verifyFromQr(HTTP_ENDPOINT, `${first}\n`);
  assert.deepEqual(fromQr, fromBest);
  const atHash = await queries.verifyFromQr(HTTP_ENDPOINT, first, (await api.rpc.chain.getFinalizedHead()).toHex());
  assert.deepEqual(atHash, fromBest);
  // Bob cannot approve his own proposal.
  // Approving is a head's call: Bob's registrar key cannot even submit it.
  await assert.rejects(lifecycle.approveAmendment(api, bob, proposal), /1010: Invalid Transaction: Transaction call is not expected/);
  // Alice, head of the office, approves: version 2.
  assert.equal(await lifecycle.approveAmendment(api, alice, proposal), 2);
  assert.deepEqual((await queries.person(api, child)).birthDate, corrected);
  const record = await queries.act(api, birth);
  assert.equal(record.current.version, 2);
  assert.equal(record.versions.length, 1);
  assert.equal(record.versions[0].act.version, 1);
  assert.deepEqual(record.versions[0].act.eventDate, now);

  assert.equal((await queries.verifyCertificate(api, first)).status, 'Superseded');
  assert.equal((await queries.verifyFromQr(HTTP_ENDPOINT, first, 'best')).status, 'superseded');
  // A proposal can be rejected (or withdrawn by its proposer).
  const second = hash();
  const [secondVersion, withdrawn] = await Promise.all([
    lifecycle.issueCertificate(api, bob, birth, second),
    lifecycle.proposeAmendment(api, bob, birth, hash(), 'NewEvidence', { dataRoot: hash() }),
  ]);
  assert.equal(secondVersion, 2);
  assert.equal((await queries.verifyCertificate(api, second)).status, 'Valid');

  // Bob withdraws both proposals, then proposes to revoke the birth act (after the withdrawal
  // of its open amendment: Bob's key signs in other files too, so a transaction sent at the
  // same time could be re-signed after it and find the amendment still open).
  const [withdrawnAmendment, withdrawnRevocation] = await Promise.all([
    lifecycle.rejectAmendment(api, bob, withdrawn),
    lifecycle.rejectRevocation(api, bob, spareRevocation),
  ]);
  const revocation = await lifecycle.proposeRevocation(api, bob, birth, hash());
  assert.equal(withdrawnAmendment, withdrawn);
  assert.equal(withdrawnRevocation, spareRevocation);

  // Revocation needs governance (Root through sudo here) or a regional head; it is not an
  // amendment.
  // One after the other: Alice's key also signs in the suite's other files, and a transaction
  // whose nonce another file took is signed again, so two sent at once may swap places.
  await rejectsWith(lifecycle.approveAmendment(api, alice, revocation), 'civilEvents.WrongProposalKind');
  const dependents = await lifecycle.approveRevocation(api, alice, revocation);
  assert.deepEqual(dependents, []);
  assert.equal((await queries.verifyCertificate(api, second)).status, 'Revoked');
  assert.equal((await queries.verifyFromQr(HTTP_ENDPOINT, first, 'best')).status, 'revoked');
  assert.equal((await queries.person(api, child)).revoked, true);
  assert.ok((await queries.act(api, birth)).revocation);
});

test('the civil_verifyCertificate RPC answers bad input with a clear code', async () => {
  await assert.rejects(queries.verifyFromQr(HTTP_ENDPOINT, '0x1234'), (e) => {
    assert.equal(e.code, -32602);
    assert.match(e.message, /64 hex digits/);
    return true;
  });
  await assert.rejects(queries.verifyFromQr(HTTP_ENDPOINT, hash()), (e) => {
    assert.equal(e.code, 4004);
    assert.match(e.message, /no certificate/);
    return true;
  });
  // A long input is not echoed back, only its length.
  await assert.rejects(queries.verifyFromQr(HTTP_ENDPOINT, `0x${'ab'.repeat(50_000)}`), (e) => {
    assert.equal(e.code, -32602);
    assert.match(e.message, /malformed hash of 100002 bytes/);
    assert.ok(e.message.length < 200, e.message);
    return true;
  });
  await assert.rejects(queries.statisticsRpc(HTTP_ENDPOINT, UZBEKISTAN, 'x'.repeat(1000), monthText, monthText), (e) => {
    assert.equal(e.code, -32602);
    assert.ok(e.message.length < 300, e.message);
    return true;
  });
  // The block to answer at: a malformed one is refused, an unknown one is not found.
  await assert.rejects(queries.verifyFromQr(HTTP_ENDPOINT, hash(), 'x'.repeat(5000)), (e) => {
    assert.equal(e.code, -32602);
    assert.match(e.message, /malformed block of 5000 bytes/);
    return true;
  });
  await assert.rejects(queries.statisticsRpc(HTTP_ENDPOINT, UZBEKISTAN, null, monthText, monthText, hash()), (e) => {
    assert.equal(e.code, 4004);
    assert.match(e.message, /no block with the hash/);
    return true;
  });
  assert.equal(await queries.verifyCertificate(api, hash()), null);
});

test('statistics roll up from the district to the region and the country', async () => {
  const count = (rows) => rows.reduce((n, row) => n + row.count, 0);
  // Every file marries couples today (a marriage is dated the day it is registered), so the
  // counters are compared at two blocks: the one that registered this marriage and its parent,
  // the difference being the marriages that block registered or revoked.
  const statisticsAt = async (blockHash, jurisdiction) => {
    const result = await (await api.at(blockHash)).call.civilRegistryApi.statistics(
      jurisdiction, 'Marriage', month, month);
    return count(result.asOk.map((row) => row.toJSON()));
  };
  const marriagesIn = async (blockHash) => {
    const events = await (await api.at(blockHash)).query.system.events();
    let n = 0;
    for (const { event } of events) {
      if (api.events.civilEvents.MarriageRegistered.is(event)) n += 1;
      if (api.events.civilEvents.ActRevoked.is(event)) {
        const act = (await api.query.civilEvents.acts(event.data.act)).unwrap();
        if (act.details.isMarriage && act.eventDate.year.toNumber() === now.year
          && act.eventDate.month.toNumber() === now.month) n -= 1;
      }
    }
    return n;
  };
  const [a, b] = [bride, groom];
  const { blockHash, events } = await submit(
    api, api.tx.civilEvents.registerMarriage(YUNUSOBOD, now, a, b, null, [], await readyToMarry(api, bob, a, b), hash()), bob);
  const marriage = findEvent(api, events, 'MarriageRegistered').act.toNumber();
  const { parentHash } = await api.rpc.chain.getHeader(blockHash);
  const registered = await marriagesIn(blockHash);
  assert.ok(registered >= 1);
  for (const jurisdiction of [YUNUSOBOD, TASHKENT, UZBEKISTAN]) {
    const [before, after] = [await statisticsAt(parentHash, jurisdiction), await statisticsAt(blockHash, jurisdiction)];
    assert.equal(after, before + registered, `jurisdiction ${jurisdiction}`);
    const rpc = await queries.statisticsRpc(HTTP_ENDPOINT, jurisdiction, 'marriage', monthText, monthText, blockHash);
    assert.deepEqual(rpc, [{ month: monthText, kind: 'marriage', count: after }]);
  }
  await waitForFinality(api);
  const all = await queries.statisticsRpc(HTTP_ENDPOINT, UZBEKISTAN, null, monthText, monthText);
  assert.ok(all.some((row) => row.kind === 'marriage' && row.count >= 1));
  const stored = await (await api.at(blockHash)).query.civilEvents.statistics('Marriage', month, YUNUSOBOD);
  assert.equal(stored.toNumber(), await statisticsAt(blockHash, YUNUSOBOD));
  // The revocation of the marriage leaves the statistics.
  const proposal = await lifecycle.proposeRevocation(api, bob, marriage, hash());
  const { blockHash: revokedIn } = await submitAsGovernance(
    api, api.tx.civilEvents.approveRevocation(proposal), alice);
  const { parentHash: beforeRevocation } = await api.rpc.chain.getHeader(revokedIn);
  assert.equal(await statisticsAt(revokedIn, UZBEKISTAN),
    await statisticsAt(beforeRevocation, UZBEKISTAN) + await marriagesIn(revokedIn));
  assert.deepEqual((await queries.person(api, a)).marital, { single: null });
});

test('civil_statistics answers bad input with a clear code', async () => {
  const fails = async (params, code, pattern) => assert.rejects(
    queries.statisticsRpc(HTTP_ENDPOINT, ...params), (e) => {
      assert.equal(e.code, code);
      assert.match(e.message, new RegExp(pattern));
      return true;
    });
  await fails([999, null, '2024-01', '2024-02'], 4004, 'no jurisdiction');
  await fails([0, null, '2024-13', '2024-02'], -32602, 'not a month');
  await fails([0, null, '2024/01', '2024-02'], -32602, 'YYYY-MM');
  await fails([0, 'wedding', '2024-01', '2024-02'], -32602, 'unknown act kind');
  await fails([0, null, '2024-03', '2024-02'], -32602, 'after');
  await fails([0, null, '2000-01', '2020-01'], -32602, '120 months');
  const result = await queries.statistics(api, UZBEKISTAN, null, month, month);
  assert.ok(Array.isArray(result));
  await assert.rejects(queries.statistics(api, 999, null, month, month), /UnknownJurisdiction/);
});
