// Registering acts of civil status: one function per call of `civilEvents`. Each signs as an
// officer (registrar or head) allowed to register that kind of act in that jurisdiction, and
// returns the ids the act's event carries.
import { findEvent, submit } from './connect.mjs';

// #region registerBirth
/** `civilEvents.registerBirth` (call 0): creates the child. Registered more than a month after
 *  the birth, the act is pending (`LateRegistrationPending`) until a head approves it. */
export async function registerBirth(api, registrar, b) {
  const tx = api.tx.civilEvents.registerBirth(
    b.jurisdiction, b.birthDate, b.identityKey, b.dataRoot, b.sex,
    b.mother ?? null, b.father ?? null, b.documentHash);
  const { events } = await submit(api, tx, registrar);
  const { act, child } = findEvent(api, events, 'BirthRegistered');
  return { act: act.toNumber(), child: child.toNumber() };
}
// #endregion registerBirth

// #region registerDeath
/** `civilEvents.registerDeath` (call 1): an active marriage ends, the spouse is widowed. */
export async function registerDeath(api, registrar, jurisdiction, dateOfDeath, person, documentHash) {
  const tx = api.tx.civilEvents.registerDeath(jurisdiction, dateOfDeath, person, documentHash);
  const { events } = await submit(api, tx, registrar);
  const { act, widowed } = findEvent(api, events, 'DeathRegistered');
  return { act: act.toNumber(), widowed: widowed.isSome ? widowed.unwrap().toNumber() : null };
}
// #endregion registerDeath

// #region registerMarriage
/** `civilEvents.registerMarriage` (call 2): `exemption` is the hash of the khokim's decision
 *  lowering the age to 17, or `null`. Every act call takes the jurisdiction and the date first,
 *  then its subjects and fields, then the document hash. */
export async function registerMarriage(api, registrar, jurisdiction, date, first, second, exemption, documentHash) {
  const tx = api.tx.civilEvents.registerMarriage(jurisdiction, date, first, second, exemption, documentHash);
  const { events } = await submit(api, tx, registrar);
  return findEvent(api, events, 'MarriageRegistered').act.toNumber();
}
// #endregion registerMarriage

// #region registerDivorce
/** `civilEvents.registerDivorce` (call 3): ends the marriage act `marriage`. */
export async function registerDivorce(api, registrar, jurisdiction, date, marriage, documentHash) {
  const tx = api.tx.civilEvents.registerDivorce(jurisdiction, date, marriage, documentHash);
  const { events } = await submit(api, tx, registrar);
  return findEvent(api, events, 'DivorceRegistered').act.toNumber();
}
// #endregion registerDivorce

// #region registerAdoption
/** `civilEvents.registerAdoption` (call 4): `seal` seals the original birth act. */
export async function registerAdoption(api, registrar, jurisdiction, date, child, adoptiveMother, adoptiveFather, seal, documentHash) {
  const tx = api.tx.civilEvents.registerAdoption(
    jurisdiction, date, child, adoptiveMother, adoptiveFather, seal, documentHash);
  const { events } = await submit(api, tx, registrar);
  return findEvent(api, events, 'AdoptionRegistered').act.toNumber();
}
// #endregion registerAdoption

// #region registerPaternity
/** `civilEvents.registerPaternity` (call 5): for a child with no recorded father. */
export async function registerPaternity(api, registrar, jurisdiction, date, child, father, documentHash) {
  const tx = api.tx.civilEvents.registerPaternity(jurisdiction, date, child, father, documentHash);
  const { events } = await submit(api, tx, registrar);
  return findEvent(api, events, 'PaternityRegistered').act.toNumber();
}
// #endregion registerPaternity

// #region registerNameChange
/** `civilEvents.registerNameChange` (call 6): the person's data root becomes `newDataRoot`. */
export async function registerNameChange(api, registrar, jurisdiction, date, person, newDataRoot, documentHash) {
  const tx = api.tx.civilEvents.registerNameChange(jurisdiction, date, person, newDataRoot, documentHash);
  const { events } = await submit(api, tx, registrar);
  return findEvent(api, events, 'NameChangeRegistered').act.toNumber();
}
// #endregion registerNameChange

// #region enrollPerson
/** `civilEvents.enrollPerson` (call 7): a person born before the chain existed, from the
 *  paper archive (`archiveReference`: hash of the archive record's reference). */
export async function enrollPerson(api, registrar, p) {
  const tx = api.tx.civilEvents.enrollPerson(
    p.jurisdiction, p.birthDate, p.identityKey, p.dataRoot, p.sex, p.archiveReference);
  const { events } = await submit(api, tx, registrar);
  const { act, person } = findEvent(api, events, 'PersonEnrolled');
  return { act: act.toNumber(), person: person.toNumber() };
}
// #endregion enrollPerson

// #region approveLateRegistration
/** `civilEvents.approveLateRegistration` (call 8): a head of the registering office, or of
 *  the regional department above it (never the officer who registered it), approves a
 *  pending late birth or death. */
export async function approveLateRegistration(api, head, act) {
  const { events } = await submit(api, api.tx.civilEvents.approveLateRegistration(act), head);
  return findEvent(api, events, 'LateRegistrationApproved').act.toNumber();
}
// #endregion approveLateRegistration
