// Issue #6: the happy path of every act kind, signed and submitted as an officer would; a bad
// act refused with the exact module error; an account with no role refused at submission;
// every event as a block explorer decodes it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { findEvent, identityKey, officer, submit, today } from '../examples/connect.mjs';
import * as acts from '../examples/acts.mjs';
import * as queries from '../examples/queries.mjs';
import { YUNUSOBOD, assertNamedFields, daysBefore, hash, rejectsWith, setup } from '../lib/helpers.mjs';

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
  const { person: enrolled } = await acts.enrollPerson(api, bob, {
    jurisdiction: YUNUSOBOD, birthDate: { year: 1961, month: 9, day: 1 }, identityKey: key,
    dataRoot: hash(), sex: 'Female', archiveReference: hash(),
  });
  assert.equal((await queries.person(api, enrolled)).identityKey, key);
  // The same national identifier cannot be registered twice.
  await rejectsWith(acts.enrollPerson(api, bob, {
    jurisdiction: YUNUSOBOD, birthDate: { year: 1961, month: 9, day: 1 }, identityKey: key,
    dataRoot: hash(), sex: 'Female', archiveReference: hash(),
  }), 'civilEvents.DuplicateIdentity');

  const mother = (await enroll('Female', { year: 1990, month: 3, day: 1 })).person;
  const father = (await enroll('Male', { year: 1988, month: 7, day: 20 })).person;
  assert.equal((await queries.person(api, mother)).sex, 'Female');

  const marriage = await acts.registerMarriage(api, bob, mother, father, YUNUSOBOD, daysBefore(now, 300), hash());
  assert.equal((await queries.person(api, mother)).marital.married.spouse, father);

  const { act: birthAct, child } = await acts.registerBirth(api, bob, {
    jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Male',
    mother, father, documentHash: hash(),
  });
  const born = await queries.person(api, child);
  assert.deepEqual([born.mother, born.father, born.originAct], [mother, father, birthAct]);

  const newRoot = hash();
  await acts.registerNameChange(api, bob, mother, newRoot, YUNUSOBOD, now, hash());
  assert.equal((await queries.person(api, mother)).dataRoot, newRoot);

  // A child registered without a father; paternity is established later.
  const { child: second } = await acts.registerBirth(api, bob, {
    jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Female',
    mother, documentHash: hash(),
  });
  const otherFather = (await enroll('Male', { year: 1985, month: 1, day: 1 })).person;
  await acts.registerPaternity(api, bob, second, otherFather, YUNUSOBOD, now, hash());
  assert.equal((await queries.person(api, second)).father, otherFather);

  // The second child is adopted by another couple; the original birth act is sealed.
  const adoptiveMother = (await enroll('Female', { year: 1980, month: 5, day: 5 })).person;
  const adoption = await acts.registerAdoption(api, bob, second, adoptiveMother, otherFather, YUNUSOBOD, now, true, hash());
  const adopted = await queries.person(api, second);
  assert.deepEqual([adopted.mother, adopted.sealed], [adoptiveMother, true]);
  // Sealed data is never returned: not the sealed birth act, nor the replaced parents.
  assert.equal(await queries.act(api, adopted.originAct), null);
  const adoptionRecord = await queries.act(api, adoption);
  assert.equal(adoptionRecord.current.details.adoption.previousMother, null);
  assert.ok(!(await queries.actsOf(api, second)).acts.includes(adopted.originAct));

  await acts.registerDivorce(api, bob, marriage, YUNUSOBOD, now, hash());
  assert.deepEqual((await queries.person(api, mother)).marital, { divorced: null });

  const { widowed } = await acts.registerDeath(api, bob, father, YUNUSOBOD, now, hash());
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

test('a late registration waits for the head of the office', async () => {
  const tx = api.tx.civilEvents.registerBirth(
    YUNUSOBOD, daysBefore(now, 60), hash(), hash(), 'Female', null, null, hash());
  const { events } = await submit(api, tx, bob);
  const { act } = findEvent(api, events, 'LateRegistrationPending');
  assert.equal((await queries.act(api, act.toNumber())).current.status, 'Pending');
  // The registrar cannot approve; the head can.
  await rejectsWith(acts.approveLateRegistration(api, bob, act), 'civilEvents.NotHeadOfOffice');
  assert.equal(await acts.approveLateRegistration(api, alice, act), act.toNumber());
  assert.equal((await queries.act(api, act.toNumber())).current.status, 'Registered');
});

test('a bad act is refused with the exact module error, and changes nothing', async () => {
  const a = (await enroll('Female', { year: 1995, month: 1, day: 1 })).person;
  const b = (await enroll('Male', { year: 1994, month: 1, day: 1 })).person;
  const c = (await enroll('Male', { year: 1993, month: 1, day: 1 })).person;
  await acts.registerMarriage(api, bob, a, b, YUNUSOBOD, now, hash());
  await rejectsWith(acts.registerMarriage(api, bob, a, c, YUNUSOBOD, now, hash()), 'civilEvents.AlreadyMarried');
  assert.deepEqual((await queries.person(api, c)).marital, { single: null });
  const tomorrow = daysBefore(now, -1);
  await rejectsWith(acts.registerDeath(api, bob, c, YUNUSOBOD, tomorrow, hash()), 'civilEvents.DateInFuture');
  await rejectsWith(acts.registerMarriage(api, bob, a, a, YUNUSOBOD, now, hash()), 'civilEvents.SamePerson');
});

test('an account with no role is refused at submission', async () => {
  const ferdie = officer('//Ferdie');
  const tx = api.tx.civilEvents.enrollPerson(YUNUSOBOD, now, hash(), hash(), 'Male', hash());
  await assert.rejects(submit(api, tx, ferdie), /1010: Invalid Transaction: Invalid signing address/);
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
