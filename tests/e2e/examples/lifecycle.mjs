// After registration: four-eyes corrections, revocations, certificates.
import { findEvent, submit, submitAsGovernance } from './connect.mjs';

// #region proposeAmendment
/** `civilEvents.proposeAmendment` (call 9): an officer of the registering office proposes a
 *  correction. `correction` fields left `null` keep their value:
 *  `{ eventDate, jurisdiction, sex, dataRoot }`. `reason`: `ClericalError`, `CourtDecision`,
 *  `AdministrativeDecision` or `NewEvidence`. Returns the proposal id. */
export async function proposeAmendment(api, officer, act, newDocumentHash, reason, correction) {
  const full = { eventDate: null, jurisdiction: null, sex: null, dataRoot: null, ...correction };
  const tx = api.tx.civilEvents.proposeAmendment(act, newDocumentHash, reason, full);
  const { events } = await submit(api, tx, officer);
  return findEvent(api, events, 'AmendmentProposed').proposal.toNumber();
}
// #endregion proposeAmendment

// #region approveAmendment
/** `civilEvents.approveAmendment` (call 10): a *different* officer heading the registering
 *  office (or the regional department above it) approves — not the proposer, not a head that
 *  appointed the proposer within 90 days (`ApproverAppointedOfficer`); a change of parents, sex
 *  or identity (`dataRoot`) only the regional department's head (`NeedsRegionalApproval`). The
 *  act gets a new version and every law rule is checked again. Returns the new version. */
export async function approveAmendment(api, head, proposal) {
  const { events } = await submit(api, api.tx.civilEvents.approveAmendment(proposal), head);
  return findEvent(api, events, 'ActAmended').version.toNumber();
}
// #endregion approveAmendment

// #region rejectAmendment
/** `civilEvents.rejectAmendment` (call 11): a head who could approve rejects, or the proposer
 *  withdraws. */
export async function rejectAmendment(api, officer, proposal) {
  const { events } = await submit(api, api.tx.civilEvents.rejectAmendment(proposal), officer);
  return findEvent(api, events, 'ProposalRejected').proposal.toNumber();
}
// #endregion rejectAmendment

// #region proposeRevocation
/** `civilEvents.proposeRevocation` (call 12): `reasonHash` is the hash of the document that
 *  states why (e.g. the finding of fraud). Returns the proposal id. */
export async function proposeRevocation(api, officer, act, reasonHash) {
  const tx = api.tx.civilEvents.proposeRevocation(act, reasonHash);
  const { events } = await submit(api, tx, officer);
  return findEvent(api, events, 'RevocationProposed').proposal.toNumber();
}
// #endregion proposeRevocation

// #region approveRevocation
/** `civilEvents.approveRevocation` (call 13) by governance — on the development chain, Root
 *  through `sudo` (a regional head may sign it directly). Returns the acts reported for review
 *  because they rest on the revoked one. */
export async function approveRevocation(api, sudoKey, proposal) {
  const call = api.tx.civilEvents.approveRevocation(proposal);
  const { events } = await submitAsGovernance(api, call, sudoKey);
  return findEvent(api, events, 'ActRevoked').dependents.map((id) => id.toNumber());
}
// #endregion approveRevocation

// #region proposeAnnulment
/** `civilEvents.proposeAnnulment` (call 21): marriage `act` was declared invalid by a court's
 *  decision (`decision`, its hash) that took effect on `date`. Approved or rejected as a
 *  revocation; on approval the marriage is revoked with its divorce (`ActRevoked`) and
 *  recorded as annulled (`MarriageAnnulled`): its husband stays the presumed father of a child
 *  born in it or within 300 days after `date`. Returns the proposal id. */
export async function proposeAnnulment(api, officer, act, decision, date) {
  const tx = api.tx.civilEvents.proposeAnnulment(act, decision, date);
  const { events } = await submit(api, tx, officer);
  return findEvent(api, events, 'RevocationProposed').proposal.toNumber();
}
// #endregion proposeAnnulment

// #region recordIncapacity
/** `civilEvents.recordIncapacity` (call 22), by the head of an office that registers marriages
 *  in `jurisdiction`: a court declared `person` legally incapable by `decision` (its hash), in
 *  effect since `date` — no marriage of theirs registers (`PersonIncapable`) until a decision
 *  restoring capacity is recorded (`restoreCapacity`). Returns the event's fields. */
export async function recordIncapacity(api, head, jurisdiction, person, decision, date) {
  const tx = api.tx.civilEvents.recordIncapacity(jurisdiction, person, decision, date);
  const { events } = await submit(api, tx, head);
  return findEvent(api, events, 'IncapacityRecorded');
}
// #endregion recordIncapacity

// #region restoreCapacity
/** `civilEvents.restoreCapacity` (call 23), by the head of a regional department that registers
 *  marriages in `jurisdiction` (an office's head gets `NotRegionalHead`): a court's decision
 *  (`decision`, its hash) restored `person`'s capacity on `date`; the bar to marriage is
 *  lifted. */
export async function restoreCapacity(api, head, jurisdiction, person, decision, date) {
  const tx = api.tx.civilEvents.restoreCapacity(jurisdiction, person, decision, date);
  const { events } = await submit(api, tx, head);
  return findEvent(api, events, 'CapacityRestored');
}
// #endregion restoreCapacity

// #region rejectRevocation
/** `civilEvents.rejectRevocation` (call 14): the proposer withdraws (or a regional head or
 *  governance rejects). */
export async function rejectRevocation(api, officer, proposal) {
  const { events } = await submit(api, api.tx.civilEvents.rejectRevocation(proposal), officer);
  return findEvent(api, events, 'ProposalRejected').proposal.toNumber();
}
// #endregion rejectRevocation

// #region issueCertificate
/** `civilEvents.issueCertificate` (call 15): records the hash of a paper or PDF certificate
 *  (the value of its QR code). A repeat certificate is a new hash. */
export async function issueCertificate(api, registrar, act, certificateHash) {
  const tx = api.tx.civilEvents.issueCertificate(act, certificateHash);
  const { events } = await submit(api, tx, registrar);
  return findEvent(api, events, 'CertificateIssued').version.toNumber();
}
// #endregion issueCertificate

// #region cancelCertificate
/** `civilEvents.cancelCertificate` (call 20): the head of the office that issued a certificate
 *  (or of the regional department above it, or governance) cancels it — `'Lost'`, `'Stolen'`
 *  or `'IssuedInError'`. It then verifies as `ReportedLost`, `ReportedStolen` or
 *  `IssuedInError`, for good; the act is unaffected. */
export async function cancelCertificate(api, head, certificateHash, reason) {
  const { events } = await submit(api, api.tx.civilEvents.cancelCertificate(certificateHash, reason), head);
  return findEvent(api, events, 'CertificateCancelled').reason.toString();
}
// #endregion cancelCertificate

// #region clearReview
/** `civilEvents.clearReview` (call 19): the head of the regional department over an act (or
 *  governance) clears the review flag of an act a compromised key signed or approved, once
 *  reviewed and found sound; its certificates verify as valid again. An approved amendment
 *  never clears it. */
export async function clearReview(api, regionalHead, act) {
  const { events } = await submit(api, api.tx.civilEvents.clearReview(act), regionalHead);
  return findEvent(api, events, 'ReviewCleared').act.toNumber();
}
// #endregion clearReview
