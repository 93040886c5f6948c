// Registering acts of civil status: one function per call of `civilEvents`. Each signs as an
// officer (registrar or head) allowed to register that kind of act in that jurisdiction, and
// returns the ids the act's event carries.
import { findEvent, submit } from './connect.mjs';

// #region registerBirth
/** `civilEvents.registerBirth` (call 0): creates the child. Registered more than a month after
 *  the birth, the act is pending (`LateRegistrationPending`) until a head approves it. A child
 *  of a married mother (or born within 300 days after her marriage ended) has her husband as
 *  father unless `courtDecision` (the hash of a court decision) says otherwise. `residence`: the
 *  mother's place of usual residence (a district's id), when known — it counts in the UN's
 *  vital statistics (`civil_vitalStatistics`), nowhere else. `notification`: the id of the
 *  hospital's notification of the birth, when there is one — the act must state its place, day,
 *  sex and mother (`civilEvents.NotificationMismatch` otherwise), and takes it off the
 *  district's list of births still to register. */
export async function registerBirth(api, registrar, b) {
  const tx = api.tx.civilEvents.registerBirth(
    b.jurisdiction, b.birthDate, b.identityKey, b.dataRoot, b.sex,
    b.mother ?? null, b.father ?? null, b.courtDecision ?? null, b.residence ?? null,
    b.notification ?? null, b.documentHash);
  const { events } = await submit(api, tx, registrar);
  const { act, child } = findEvent(api, events, 'BirthRegistered');
  return { act: act.toNumber(), child: child.toNumber() };
}
// #endregion registerBirth

// #region registerDeath
/** `civilEvents.registerDeath` (call 1): an active marriage ends, the spouse is widowed.
 *  `notification`: the hospital's notification of the death, when there is one (its place, day
 *  and person must be the act's). `residence`: the deceased's place of usual residence (a
 *  district's id), when known, for the UN's vital statistics. */
export async function registerDeath(
  api, registrar, jurisdiction, dateOfDeath, person, documentHash, notification = null, residence = null,
) {
  const tx = api.tx.civilEvents.registerDeath(
    jurisdiction, dateOfDeath, person, residence, notification, documentHash);
  const { events } = await submit(api, tx, registrar);
  const { act, widowed } = findEvent(api, events, 'DeathRegistered');
  return { act: act.toNumber(), widowed: widowed.isSome ? widowed.unwrap().toNumber() : null };
}
// #endregion registerDeath

// #region registerMarriage
/** `civilEvents.registerMarriage` (call 2): dated today (in Tashkent). `exemption` is the
 *  district khokim's decision lowering the age to 17 — `{ district, decision }`, the district's
 *  jurisdiction id and the decision's hash — or `null`. With an exemption the marriage is
 *  pending (`ExemptionPending`) until a head approves it (`approveLateRegistration`). Every act
 *  call takes the jurisdiction and the date first, then its subjects and fields, then the
 *  document hash. `application`: the couple's marriage application to this office
 *  (`receiveApplication`), whose waiting period — a month, Family Code art. 13 — is over or was
 *  shortened by a head (`civilEvents.WaitingPeriodNotOver` otherwise); the application is then
 *  registered as the act. `surnames`: the spouses who take a surname with the marriage, each as
 *  `{ person, dataRoot }` — the person's data root recomputed off chain with the new surname
 *  (a spouse's, or the two joined); at most one per spouse. Returns the act id. */
export async function registerMarriage(
  api, registrar, jurisdiction, date, first, second, exemption, application, documentHash, surnames = [],
) {
  const tx = api.tx.civilEvents.registerMarriage(
    jurisdiction, date, first, second, exemption, surnames, application, documentHash);
  const { events } = await submit(api, tx, registrar);
  const name = exemption ? 'ExemptionPending' : 'MarriageRegistered';
  return findEvent(api, events, name).act.toNumber();
}
// #endregion registerMarriage

// #region registerDivorce
/** `civilEvents.registerDivorce` (call 3): ends the marriage act `marriage` on `grounds`:
 *  `'MutualConsent'` (only without common minor children), or `{ courtDecision: hash }`,
 *  `{ spouseMissing: hash }`, `{ spouseIncapable: hash }`, `{ spouseSentenced: hash }`.
 *  `surnames`: as for a marriage — a spouse taking back the premarital surname. */
export async function registerDivorce(
  api, registrar, jurisdiction, date, marriage, grounds, documentHash, surnames = [],
) {
  const tx = api.tx.civilEvents.registerDivorce(jurisdiction, date, marriage, grounds, surnames, documentHash);
  const { events } = await submit(api, tx, registrar);
  return findEvent(api, events, 'DivorceRegistered').act.toNumber();
}
// #endregion registerDivorce

// #region registerAdoption
/** `civilEvents.registerAdoption` (call 4): by an adoptive mother, father (a person id, or
 *  `null`) or both — two only if married to each other. A single adopter takes the child alone,
 *  unless a step-parent: the spouse of a parent, who stays. `seal` seals the original birth
 *  act; `decision` is the hash of the court's (or khokimiyat's) decision establishing the
 *  adoption; `terms`, what that decision says beyond who adopts whom: `keepsOtherParent` (the
 *  other parent's rights are kept: that parent stays, married to the adopter or not) and
 *  `shortensAgeGap` (the court shortened the age gap). `surnames`: `[{ person: child, dataRoot }]`
 *  when the child takes the adopter's surname. */
export async function registerAdoption(
  api, registrar, jurisdiction, date, child, adoptiveMother, adoptiveFather, seal, decision, documentHash,
  terms = { keepsOtherParent: false, shortensAgeGap: false }, surnames = [],
) {
  const tx = api.tx.civilEvents.registerAdoption(
    jurisdiction, date, child, adoptiveMother, adoptiveFather, seal, decision, terms, surnames, documentHash);
  const { events } = await submit(api, tx, registrar);
  return findEvent(api, events, 'AdoptionRegistered').act.toNumber();
}
// #endregion registerAdoption

// #region registerPaternity
/** `civilEvents.registerPaternity` (call 5): for a child with no recorded father.
 *  `courtDecision` (a hash, or `null`) is needed when the mother's husband is the presumed
 *  father, and to establish the paternity of a deceased man. `adultConsent` (a hash, or
 *  `null`): the written consent of a child who is an adult, needed on the parents' joint
 *  application (a court's decision stands for it). */
export async function registerPaternity(
  api, registrar, jurisdiction, date, child, father, courtDecision, documentHash, adultConsent = null,
) {
  const tx = api.tx.civilEvents.registerPaternity(
    jurisdiction, date, child, father, courtDecision, adultConsent, documentHash);
  const { events } = await submit(api, tx, registrar);
  return findEvent(api, events, 'PaternityRegistered').act.toNumber();
}
// #endregion registerPaternity

// #region registerNameChange
/** `civilEvents.registerNameChange` (call 6): the person's data root becomes `newDataRoot`.
 *  Under 16, `consent` is the hash of the guardianship authority's or both parents' consent. */
export async function registerNameChange(api, registrar, jurisdiction, date, person, newDataRoot, consent, documentHash) {
  const tx = api.tx.civilEvents.registerNameChange(jurisdiction, date, person, newDataRoot, consent, documentHash);
  const { events } = await submit(api, tx, registrar);
  return findEvent(api, events, 'NameChangeRegistered').act.toNumber();
}
// #endregion registerNameChange

// #region enrollPerson
/** `civilEvents.enrollPerson` (call 7): a person born before the chain's go-live date
 *  (`civilEvents.goLive`), from the paper archive (`archiveReference`: hash of the archive
 *  record's reference), with the parents when they are on chain. A person born abroad — the
 *  place a jurisdiction of another country, a root of the tree beside Uzbekistan — is enrolled
 *  by any office that enrolls, in its own jurisdiction, from the foreign record (its hash in
 *  `archiveReference`), born any day; the act waits for a head (`EnrollmentAbroadPending`,
 *  approved with `approveLateRegistration`), and `person` is then `null`. */
export async function enrollPerson(api, registrar, p) {
  const tx = api.tx.civilEvents.enrollPerson(
    p.jurisdiction, p.birthDate, p.identityKey, p.dataRoot, p.sex,
    p.mother ?? null, p.father ?? null, p.archiveReference);
  const { events } = await submit(api, tx, registrar);
  const pending = events.find(({ event }) => api.events.civilEvents.EnrollmentAbroadPending.is(event));
  if (pending) return { act: pending.event.data.act.toNumber(), person: null };
  const { act, person } = findEvent(api, events, 'PersonEnrolled');
  return { act: act.toNumber(), person: person.toNumber() };
}
// #endregion enrollPerson

// #region enrollMarriage
/** `civilEvents.enrollMarriage` (call 16): a marriage registered on paper before the go-live
 *  date, between two persons on chain, from the archive; bigamy checks see it from then on. */
export async function enrollMarriage(api, registrar, jurisdiction, date, first, second, archiveReference) {
  const tx = api.tx.civilEvents.enrollMarriage(jurisdiction, date, first, second, archiveReference);
  const { events } = await submit(api, tx, registrar);
  return findEvent(api, events, 'MarriageEnrolled').act.toNumber();
}
// #endregion enrollMarriage

// #region approveLateRegistration
/** `civilEvents.approveLateRegistration` (call 8): a head of the registering office, or of
 *  the regional department above it (never the officer who registered it, nor a head that
 *  appointed that officer within 90 days), approves a pending act: a late birth or death, a
 *  marriage under an exemption, a death away from the person's regions (`DeathAwayPending`). */
export async function approveLateRegistration(api, head, act) {
  const { events } = await submit(api, api.tx.civilEvents.approveLateRegistration(act), head);
  return findEvent(api, events, 'LateRegistrationApproved').act.toNumber();
}
// #endregion approveLateRegistration
