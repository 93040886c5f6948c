// Issue #27, acceptance 2, 3 and 5: the office read API of the development node
// (`--office-api`, node/src/rpc/office.rs). Reads are answered only to an officer of an active
// office who signs the request; each answered read is in the node's access log, which the
// node anchors on chain; the birth parents of a sealed adoption need a legal basis and are
// anchored at once; a tampered log is found by the check against the anchors.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { blake2AsHex, randomAsHex } from '@polkadot/util-crypto';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { officer, submit, today } from '../examples/connect.mjs';
import * as acts from '../examples/acts.mjs';
import { appointRegistrar } from '../examples/offices.mjs';
import { rpc } from '../examples/queries.mjs';
import {
  checkAccessLog, officeRead, readActsOf, readAct, readBirthParents, readPerson, signedText,
} from '../examples/office.mjs';
import { HTTP_ENDPOINT, YUNUSOBOD, hash, setup, readyToMarry } from '../lib/helpers.mjs';

const OFFICE_API = process.env.CIVIL_OFFICE ?? 'http://127.0.0.1:9946';
const OFFICE = 0; // Yunusobod; its head is Alice

const { api, alice } = await setup();
test.after(() => api.disconnect());
const genesis = api.genesisHash.toHex();
const clerk = officer('//OfficeReadClerk');
if ((await api.query.offices.officers(clerk.address)).isNone) await appointRegistrar(api, alice, clerk.address);
const as = { office: OFFICE, purpose: 'registration' };

/** A refusal with `code` whose message matches `text`. */
const refused = (code, text) => (e) => e.code === code && text.test(e.message);

/** Wait until the chain holds an anchor of the node's log covering entry `entry`; the anchor. */
async function anchoredThrough(entry, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const check = await checkAccessLog(HTTP_ENDPOINT);
    const anchor = check.anchors.find((a) => a.entries >= entry);
    if (anchor) return { check, anchor };
    assert.ok(Date.now() < until, `entry ${entry} not anchored: ${JSON.stringify(check)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

// Two adults enrolled, a child born to them and adopted under seal by another couple.
const now = await today(api);
const adult = (sex, year) => ({ Person: {
  jurisdiction: YUNUSOBOD, birthDate: { year, month: 1, day: 1 }, sex, mother: null, father: null,
  identityKey: hash(), dataRoot: hash(), archiveReference: hash(),
} });
const { events } = await submit(api, api.tx.civilEvents.enrollBatch([
  adult('Female', 1991), adult('Male', 1989), adult('Female', 1976), adult('Male', 1975),
]), clerk);
const [mother, father, adoptiveMother, adoptiveFather] = events
  .filter(({ event }) => event.section === 'civilEvents' && event.method === 'PersonEnrolled')
  .map(({ event }) => event.data.person.toNumber());
const [{ act: birth, child }] = await Promise.all([
  acts.registerBirth(api, clerk, {
    jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Male',
    mother, father, documentHash: hash(),
  }),
  acts.registerMarriage(api, clerk, YUNUSOBOD, now, adoptiveMother, adoptiveFather, null, await readyToMarry(api, clerk, adoptiveMother, adoptiveFather), hash()),
]);
const adoption = await acts.registerAdoption(
  api, clerk, YUNUSOBOD, now, child, adoptiveMother, adoptiveFather, true, hash(), hash());

test('a read without credentials is refused; an officer\'s signed read is answered and logged', { timeout: 120_000 }, async () => {
  await assert.rejects(rpc(OFFICE_API, 'office_person', [mother]), refused(4010, /needs credentials/));
  await assert.rejects(rpc(OFFICE_API, 'office_person', [mother, null]), refused(4010, /needs credentials/));

  const { record, logged } = await readPerson(api, OFFICE_API, clerk, mother, as);
  assert.equal(record.sex, 'Female');
  assert.deepEqual(record.birthDate, { year: 1991, month: 1, day: 1 });
  // (The birth act itself is sealed by the adoption: not returned, as by the runtime API.)
  assert.equal((await readAct(api, OFFICE_API, clerk, birth, as)).record, null);
  const { record: actRecord } = await readAct(api, OFFICE_API, clerk, adoption, as);
  assert.equal(Object.keys(actRecord.current.details)[0], 'adoption');
  const page = await readActsOf(api, OFFICE_API, clerk, mother, 0, 10, as);
  assert.ok(page.total >= 1, JSON.stringify(page));

  // The access log holds the read: who, for which office, what, why.
  const check = await checkAccessLog(HTTP_ENDPOINT);
  assert.equal(check.broken, null, JSON.stringify(check));
  const lines = readFileSync(check.path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const entry = lines.find((l) => l.seq === logged);
  assert.deepEqual(
    [entry.office, entry.officer, entry.method, entry.target, entry.purpose, entry.sealed],
    [OFFICE, clerk.address, 'office_person', `person ${mother}`, 'registration', false]);
  // And the chain anchors it (the development node anchors every few seconds).
  await anchoredThrough(logged);
});

test('bad credentials: each refused with its own error, nothing logged', { timeout: 60_000 }, async () => {
  const before = (await checkAccessLog(HTTP_ENDPOINT)).entries;
  const read = (who, options, edit = (c) => c) => {
    const credentials = edit({
      office: OFFICE, officer: who.address, purpose: 'registration', legalBasis: null,
      at: Date.now(), nonce: randomAsHex(16), ...options,
    });
    const text = signedText(genesis, 'office_person', `person ${mother}`, credentials);
    return { ...credentials, signature: u8aToHex(who.sign(stringToU8a(text))) };
  };
  const ask = (credentials) => rpc(OFFICE_API, 'office_person', [mother, credentials]);
  const stranger = officer('//NotAnOfficer');

  await assert.rejects(ask(read(clerk, { office: 999 })), refused(4010, /office 999 does not exist/));
  await assert.rejects(ask(read(stranger, {})), refused(4010, /is not an officer of office 0/));
  // Signed by someone else than the officer named, or for another target.
  const forged = read(stranger, {});
  await assert.rejects(ask({ ...forged, officer: clerk.address }), refused(4011, /signature does not verify/));
  const other = read(clerk, {});
  await assert.rejects(
    rpc(OFFICE_API, 'office_person', [father, other]), refused(4011, /signature does not verify/));
  await assert.rejects(ask(read(clerk, { at: Date.now() - 120_000 })), refused(4012, /from the node's/));
  await assert.rejects(ask(read(clerk, { at: Date.now() + 120_000 })), refused(4012, /from the node's/));
  const once = read(clerk, {});
  await ask(once);
  await assert.rejects(ask(once), refused(4013, /nonce was used already/));
  await assert.rejects(ask(read(clerk, { purpose: 'curiosity' })), refused(-32602, /purpose must be one of/));
  await assert.rejects(ask(read(clerk, { nonce: '0x1234' })), refused(-32602, /nonce must be/));
  await assert.rejects(ask({ ...read(clerk, {}), signature: '0xzz' }), refused(-32602, /signature must be/));
  await assert.rejects(ask(read(clerk, { officer: 'not-an-address' })), refused(-32602, /not an SS58 account/));
  await assert.rejects(ask({ ...read(clerk, {}), extra: 1 }), (e) => e.code === -32602);
  // Only the one accepted read was logged.
  assert.equal((await checkAccessLog(HTTP_ENDPOINT)).entries, before + 1);
});

test('a sealed adoption\'s birth parents: refused without a legal basis, answered and anchored with one', { timeout: 120_000 }, async () => {
  await assert.rejects(readBirthParents(api, OFFICE_API, clerk, child, as), refused(4014, /legal basis/));
  const court = hash();
  const { result, logged } = await readBirthParents(
    api, OFFICE_API, clerk, child, { ...as, purpose: 'court-request', legalBasis: court });
  assert.deepEqual(result, { adoption, mother, father });
  // Anchored on its own, at once: an anchor on chain ends at this very entry, and the event
  // says it is a sealed read.
  const until = Date.now() + 30_000;
  for (;;) {
    const { anchors } = await checkAccessLog(HTTP_ENDPOINT);
    const own = anchors.find((a) => a.entries === logged);
    if (own) {
      assert.equal(own.sealed, true);
      break;
    }
    assert.ok(Date.now() < until, `the sealed read ${logged} was not anchored on its own: ${JSON.stringify(anchors)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const check = await checkAccessLog(HTTP_ENDPOINT);
  const line = readFileSync(check.path, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    .find((l) => l.seq === logged);
  assert.deepEqual([line.sealed, line.legalBasis, line.purpose], [true, court, 'court-request']);
  // A child who is not adopted: nothing sealed, nothing to anchor at once.
  const { result: none } = await readBirthParents(
    api, OFFICE_API, clerk, mother, { ...as, legalBasis: hash() });
  assert.equal(none, null);
});

test('a tampered access log is found: by its chain of hashes, and by the anchor when rewritten whole', { timeout: 120_000 }, async () => {
  const { logged } = await readPerson(api, OFFICE_API, clerk, father, as);
  const { check } = await anchoredThrough(logged);
  assert.equal(check.broken, null);
  const original = readFileSync(check.path, 'utf8');
  const lines = original.trim().split('\n').map((l) => JSON.parse(l));
  const at = lines.findIndex((l) => l.seq === logged);
  try {
    // One read's target changed: its hash no longer matches it.
    const edited = lines.map((l, i) => (i === at ? { ...l, target: `person ${mother}` } : l));
    writeFileSync(check.path, `${edited.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const found = await checkAccessLog(HTTP_ENDPOINT);
    assert.equal(found.broken?.line, logged, JSON.stringify(found));

    // The same change with every hash from there on recomputed: the chain holds, the anchor
    // on chain does not.
    let prev = at === 0 ? `0x${'00'.repeat(32)}` : lines[at - 1].hash;
    const rewritten = lines.map((l, i) => {
      if (i < at) return l;
      const entry = i === at ? { ...l, target: `person ${mother}` } : l;
      const fields = api.createType('(H256,u64,u64,u32,Text,Text,Text,Text,Option<Text>,bool)', [
        prev, entry.seq, entry.time, entry.office, entry.officer, entry.method, entry.target,
        entry.purpose, entry.legalBasis, entry.sealed]);
      const next = { ...entry, prev, hash: blake2AsHex(fields.toU8a(), 256) };
      prev = next.hash;
      return next;
    });
    writeFileSync(check.path, `${rewritten.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const caught = await checkAccessLog(HTTP_ENDPOINT);
    assert.ok(caught.broken, JSON.stringify(caught));
    assert.match(caught.broken.reason, /anchored/);
    assert.ok(caught.broken.line >= logged, JSON.stringify(caught.broken));
  } finally {
    writeFileSync(check.path, original);
  }
  assert.equal((await checkAccessLog(HTTP_ENDPOINT)).broken, null);
});
