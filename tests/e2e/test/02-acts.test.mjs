// Issue #6: the happy path of every act kind, signed and submitted as an officer would; a bad
// act refused with the exact module error; an account with no role refused at submission;
// every event as a block explorer decodes it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { findEvent, identityKey, officer, submit, today } from '../examples/connect.mjs';
import * as acts from '../examples/acts.mjs';
import * as queries from '../examples/queries.mjs';
import { YUNUSOBOD, assertNamedFields, daysBefore, hash, rejectsWith, setup, readyToMarry } from '../lib/helpers.mjs';

const { api, alice, bob } = await setup();
test.after(() => api.disconnect());
const now = await today(api);
const seen = new Set();
// Record every registry event of every block while the file runs.
const unsubscribe = await queries.followEvents(api, (name) => seen.add(name));
test.after(() => unsubscribe());

const enroll = (sex, birthDate) => acts.enrollPerson(api, bob, {
  jurisdiction: YUNUSOBOD, birthDate, identityKey: hash(), dataRoot: hash(), sex, archiveReference: hash(),
});

test('every act kind, from enrollment to death', async () => {
  // The identity key an office computes from a national identifier and its secret.
  const key = identityKey(`3${Date.now()}`.slice(0, 14), 'registry secret of the test office');
  assert.match(key, /^0x[0-9a-f]{64}$/);
  const enrollKey = () => acts.enrollPerson(api, bob, {
    jurisdiction: YUNUSOBOD, birthDate: { year: 1961, month: 9, day: 1 }, identityKey: key,
    dataRoot: hash(), sex: 'Female', archiveReference: hash(),
  });
  // Independent acts are submitted together and share a block. The same national identifier
  // cannot be registered twice: the second enrollment of `key` follows the first (the
  // signer's nonces order them) and is refused.
  const [{ person: enrolled }, , { person: mother }, { person: father }, { person: otherFather },
    { person: adoptiveMother }] = await Promise.all([
    enrollKey(),
    rejectsWith(enrollKey(), 'civilEvents.DuplicateIdentity'),
    enroll('Female', { year: 1990, month: 3, day: 1 }),
    enroll('Male', { year: 1988, month: 7, day: 20 }),
    enroll('Male', { year: 1985, month: 1, day: 1 }),
    enroll('Female', { year: 1980, month: 5, day: 5 }),
  ]);
  // The key finds the person; the record itself does not repeat it.
  assert.equal((await api.query.persons.personByIdentity(key)).unwrap().toNumber(), enrolled);
  assert.equal((await queries.person(api, enrolled)).identityKey, undefined);
  assert.equal((await queries.person(api, mother)).sex, 'Female');

  // The couple marries (today: a marriage is dated the day it is registered); their child is
  // born; the mother changes her name; a second child is registered without a father — her
  // husband is the presumed father, so only with a court's decision setting that aside
  // (paternity is established later, on a court's decision too).
  const newRoot = hash();
  const [marriage, { act: birthAct, child }, , { child: second }] = await Promise.all([
    acts.registerMarriage(api, bob, YUNUSOBOD, now, mother, father, null, await readyToMarry(api, bob, mother, father), hash()),
    acts.registerBirth(api, bob, {
      jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Male',
      mother, father, documentHash: hash(),
    }),
    acts.registerNameChange(api, bob, YUNUSOBOD, now, mother, newRoot, null, hash()),
    acts.registerBirth(api, bob, {
      jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Female',
      mother, courtDecision: hash(), documentHash: hash(),
    }),
  ]);
  assert.equal((await queries.person(api, mother)).marital.married.spouse, father);
  const born = await queries.person(api, child);
  assert.deepEqual([born.mother, born.father, born.originAct], [mother, father, birthAct]);
  assert.equal((await queries.person(api, mother)).dataRoot, newRoot);

  // Their common child is a minor: only a court dissolves the marriage.
  await Promise.all([
    acts.registerPaternity(api, bob, YUNUSOBOD, now, second, otherFather, hash(), hash()),
    rejectsWith(acts.registerDivorce(api, bob, YUNUSOBOD, now, marriage, 'MutualConsent', hash()),
      'civilEvents.CommonMinorChildren'),
  ]);
  await acts.registerDivorce(api, bob, YUNUSOBOD, now, marriage, { courtDecision: hash() }, hash());
  assert.equal((await queries.person(api, second)).father, otherFather);
  assert.deepEqual((await queries.person(api, mother)).marital, { divorced: null });

  // The second child's father marries; his wife adopts the child, a step-parent's adoption (he
  // stays the father); the original birth act is sealed. The divorced father dies: nobody is
  // widowed.
  await acts.registerMarriage(api, bob, YUNUSOBOD, now, adoptiveMother, otherFather, null, await readyToMarry(api, bob, adoptiveMother, otherFather), hash());
  const [adoption, { widowed }] = await Promise.all([
    acts.registerAdoption(api, bob, YUNUSOBOD, now, second, adoptiveMother, null, true, hash(), hash()),
    acts.registerDeath(api, bob, YUNUSOBOD, now, father, hash()),
  ]);
  const adopted = await queries.person(api, second);
  assert.deepEqual([adopted.mother, adopted.father, adopted.sealed], [adoptiveMother, otherFather, true]);
  // Sealed data is never returned: not the sealed birth act, nor the replaced parents.
  assert.equal(await queries.act(api, adopted.originAct), null);
  const adoptionRecord = await queries.act(api, adoption);
  assert.equal(adoptionRecord.current.details.adoption.previous.mother, null);
  assert.ok(!(await queries.actsOf(api, second)).acts.includes(adopted.originAct));

  assert.equal(widowed, null);
  assert.ok((await queries.person(api, father)).status.deceased, 'the father is deceased');

  // The mother's acts, paged: enrollment, marriage, first birth, name change, divorce — not the
  // second child's birth, sealed by the adoption.
  const page = await queries.actsOf(api, mother, 0, 3);
  assert.equal(page.acts.length, 3);
  assert.equal(page.total, 5);
  const rest = await queries.actsOf(api, mother, 3, 100);
  assert.equal(page.acts.length + rest.acts.length, page.total);
});

// Approving is a head's call: a registrar's key cannot even submit it.
const NOT_FOR_ROLE = /1010: Invalid Transaction: Transaction call is not expected/;

test('a late registration waits for the head of the office', async () => {
  const tx = api.tx.civilEvents.registerBirth(
    YUNUSOBOD, daysBefore(now, 60), hash(), hash(), 'Female', null, null, null, null, null, hash());
  const { events } = await submit(api, tx, bob);
  const { act } = findEvent(api, events, 'LateRegistrationPending');
  assert.equal((await queries.act(api, act.toNumber())).current.status, 'Pending');
  // The registrar cannot approve; the head can.
  await assert.rejects(acts.approveLateRegistration(api, bob, act), NOT_FOR_ROLE);
  assert.equal(await acts.approveLateRegistration(api, alice, act), act.toNumber());
  assert.equal((await queries.act(api, act.toNumber())).current.status, 'Registered');
});

test('a bad act is refused with the exact module error, and changes nothing', async () => {
  const [{ person: a }, { person: b }, { person: c }] = await Promise.all([
    enroll('Female', { year: 1995, month: 1, day: 1 }),
    enroll('Male', { year: 1994, month: 1, day: 1 }),
    enroll('Male', { year: 1993, month: 1, day: 1 }),
  ]);
  const wedding = now;
  const tomorrow = daysBefore(now, -1);
  const [ab, ac] = await Promise.all([readyToMarry(api, bob, a, b), readyToMarry(api, bob, a, c)]);
  await Promise.all([
    acts.registerMarriage(api, bob, YUNUSOBOD, wedding, a, b, null, ab, hash()),
    // Submitted after the marriage above (the signer's next nonce), so `a` is married by then.
    rejectsWith(acts.registerMarriage(api, bob, YUNUSOBOD, wedding, a, c, null, ac, hash()), 'civilEvents.AlreadyMarried'),
    rejectsWith(acts.registerDeath(api, bob, YUNUSOBOD, tomorrow, c, hash()), 'civilEvents.DateInFuture'),
    // The law's checks come first: whatever the application, one person does not marry herself.
    rejectsWith(acts.registerMarriage(api, bob, YUNUSOBOD, wedding, a, a, null, ac, hash()), 'civilEvents.SamePerson'),
  ]);
  assert.deepEqual((await queries.person(api, c)).marital, { single: null });
});

test('an account with no role is refused at submission', async () => {
  const ferdie = officer('//Ferdie');
  const tx = api.tx.civilEvents.enrollPerson(YUNUSOBOD, now, hash(), hash(), 'Male', null, null, hash());
  await assert.rejects(submit(api, tx, ferdie), /1010: Invalid Transaction: Invalid signing address/);
});

test("a registrar's key signs only a registrar's calls", async () => {
  // What a stolen registrar key would try on a feeless chain: filling blocks with remarks,
  // reaching root. The pool refuses both before they take any space.
  await assert.rejects(submit(api, api.tx.system.remark('0x00'), bob), NOT_FOR_ROLE);
  await assert.rejects(submit(api, api.tx.sudo.sudo(api.tx.system.remark('0x00')), bob), NOT_FOR_ROLE);
  await assert.rejects(
    submit(api, api.tx.sudo.sudoUncheckedWeight(api.tx.system.remark('0x00'), { refTime: 1, proofSize: 1 }), bob),
    NOT_FOR_ROLE);
  // The sudo key of the development chain (Alice) may use sudo.
  await submit(api, api.tx.sudo.sudo(api.tx.system.remark('0x00')), alice);
});

test('every event of the registry decodes to named fields', async () => {
  // Events of the blocks above, read back as an explorer reads a block.
  const head = await api.rpc.chain.getHeader();
  const names = new Set();
  for (let n = Math.max(1, head.number.toNumber() - 40); n <= head.number.toNumber(); n += 1) {
    const at = await api.at(await api.rpc.chain.getBlockHash(n));
    for (const name of assertNamedFields(await at.query.system.events())) names.add(name);
  }
  for (const expected of [
    'civilEvents.PersonEnrolled', 'civilEvents.BirthRegistered', 'civilEvents.MarriageRegistered',
    'civilEvents.NameChangeRegistered', 'civilEvents.PaternityRegistered', 'civilEvents.AdoptionRegistered',
    'civilEvents.DivorceRegistered', 'civilEvents.DeathRegistered', 'civilEvents.LateRegistrationPending',
    'civilEvents.LateRegistrationApproved',
  ]) {
    assert.ok(names.has(expected), `${expected} was seen in a block`);
    assert.ok(seen.has(expected), `${expected} reached the event subscription`);
  }
});
