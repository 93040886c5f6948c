// Governing the registry's offices: one function per call of `offices`. Calls for governance
// are wrapped in `sudo.sudo` on the development chain (Root); on a production chain they are
// proposed to the council of the regional justice departments instead.
import { findEvent, submit, submitAsGovernance } from './connect.mjs';

// #region createJurisdiction
/** `offices.createJurisdiction` (call 0, governance): a country, region or district, by its
 *  ISO 3166-2 style code. Returns its id. */
export async function createJurisdiction(api, sudoKey, code, name, parent) {
  const { events } = await submitAsGovernance(api, api.tx.offices.createJurisdiction(code, name, parent), sudoKey);
  return findEvent(api, events, 'JurisdictionCreated', 'offices').jurisdiction.toNumber();
}
// #endregion createJurisdiction

// #region renameJurisdiction
/** `offices.renameJurisdiction` (call 1, governance). */
export async function renameJurisdiction(api, sudoKey, jurisdiction, name) {
  const { events } = await submitAsGovernance(api, api.tx.offices.renameJurisdiction(jurisdiction, name), sudoKey);
  return findEvent(api, events, 'JurisdictionRenamed', 'offices').name.toUtf8();
}
// #endregion renameJurisdiction

// #region removeJurisdiction
/** `offices.removeJurisdiction` (call 2, governance): only a leaf with no office and no record. */
export async function removeJurisdiction(api, sudoKey, jurisdiction) {
  const { events } = await submitAsGovernance(api, api.tx.offices.removeJurisdiction(jurisdiction), sudoKey);
  return findEvent(api, events, 'JurisdictionRemoved', 'offices').jurisdiction.toNumber();
}
// #endregion removeJurisdiction

// #region registerOffice
/** `offices.registerOffice` (call 3, governance or the regional head): `kind` is
 *  `DistrictRegistry`, `WeddingHouse`, `RegionalDepartment`, `Consulate` or `Archive`. */
export async function registerOffice(api, sudoKey, kind, jurisdiction, name) {
  const { events } = await submitAsGovernance(api, api.tx.offices.registerOffice(kind, jurisdiction, name), sudoKey);
  return findEvent(api, events, 'OfficeRegistered', 'offices').office.toNumber();
}
// #endregion registerOffice

// #region suspendOffice
/** `offices.suspendOffice` (call 4, governance or the regional head). */
export async function suspendOffice(api, sudoKey, office) {
  const { events } = await submitAsGovernance(api, api.tx.offices.suspendOffice(office), sudoKey);
  return findEvent(api, events, 'OfficeSuspended', 'offices').office.toNumber();
}
// #endregion suspendOffice

// #region reopenOffice
/** `offices.reopenOffice` (call 5, governance). */
export async function reopenOffice(api, sudoKey, office) {
  const { events } = await submitAsGovernance(api, api.tx.offices.reopenOffice(office), sudoKey);
  return findEvent(api, events, 'OfficeReopened', 'offices').office.toNumber();
}
// #endregion reopenOffice

// #region closeOffice
/** `offices.closeOffice` (call 6, governance): final; the office must have no officers. */
export async function closeOffice(api, sudoKey, office) {
  const { events } = await submitAsGovernance(api, api.tx.offices.closeOffice(office), sudoKey);
  return findEvent(api, events, 'OfficeClosed', 'offices').office.toNumber();
}
// #endregion closeOffice

// #region appointHead
/** `offices.appointHead` (call 7, governance). */
export async function appointHead(api, sudoKey, office, account) {
  const { events } = await submitAsGovernance(api, api.tx.offices.appointHead(office, account), sudoKey);
  return findEvent(api, events, 'OfficerAppointed', 'offices').officer.toString();
}
// #endregion appointHead

// #region dismissOfficer
/** `offices.dismissOfficer` (call 8, governance): `compromisedSince` is the block from which
 *  the key is considered compromised, or `null`. */
export async function dismissOfficer(api, sudoKey, account, compromisedSince) {
  const { events } = await submitAsGovernance(api, api.tx.offices.dismissOfficer(account, compromisedSince), sudoKey);
  return findEvent(api, events, 'OfficerDismissed', 'offices').officer.toString();
}
// #endregion dismissOfficer

// #region appointRegistrar
/** `offices.appointRegistrar` (call 9): the head of an office appoints a registrar of it, at
 *  most 8 a day per office (`offices.TooManyAppointments`). The appointment takes effect after
 *  the chain's `offices.appointmentDelay` (none on development chains, a day in production);
 *  until then it can be vetoed (`vetoAppointment`) and the account signs nothing. The head may
 *  not approve the registrar's work for 90 days (`civilEvents.ApproverAppointedOfficer`). */
export async function appointRegistrar(api, head, account) {
  const { events } = await submit(api, api.tx.offices.appointRegistrar(account), head);
  return findEvent(api, events, 'OfficerAppointed', 'offices').officer.toString();
}
// #endregion appointRegistrar

// #region dismissRegistrar
/** `offices.dismissRegistrar` (call 10): the head dismisses a registrar of its office. */
export async function dismissRegistrar(api, head, account, compromisedSince = null) {
  const { events } = await submit(api, api.tx.offices.dismissRegistrar(account, compromisedSince), head);
  return findEvent(api, events, 'OfficerDismissed', 'offices').officer.toString();
}
// #endregion dismissRegistrar

// #region heartbeat
/** `gate.heartbeat` (call 0 of the gate pallet): nothing — an office system's check that its
 *  key signs, that the gate admits it and that its transactions are included, without
 *  registering anything.
 *  The payload (up to 32 KiB) is padding and must be zero bytes (anything else is refused at
 *  submission, 1010 "Transaction call is not expected"); the load generator uses it to size
 *  its baseline. */
export async function heartbeat(api, officerKey, payload = '0x') {
  const { blockHash } = await submit(api, api.tx.gate.heartbeat(payload), officerKey);
  return blockHash;
}
// #endregion heartbeat

// #region vetoAppointment
/** `offices.vetoAppointment` (call 12): the head of the regional department over the office (or
 *  governance) vetoes a head's appointment of a registrar before it takes effect. */
export async function vetoAppointment(api, regionalHead, account) {
  const { events } = await submit(api, api.tx.offices.vetoAppointment(account), regionalHead);
  return findEvent(api, events, 'AppointmentVetoed', 'offices').officer.toString();
}
// #endregion vetoAppointment

// #region setAppointmentDelay
/** `offices.setAppointmentDelay` (call 13, governance): how many blocks a head's appointment of
 *  a registrar waits before it takes effect (a day, 14,400 blocks, in production). */
export async function setAppointmentDelay(api, sudoKey, blocks) {
  const { events } = await submitAsGovernance(api, api.tx.offices.setAppointmentDelay(blocks), sudoKey);
  return findEvent(api, events, 'AppointmentDelaySet', 'offices').delay.toNumber();
}
// #endregion setAppointmentDelay
