// Registry services online: what a hospital, a registry office and a citizen do before an act
// exists. A hospital notifies the births and deaths it sees; an office registers the act from
// the notification, and lists what is still unregistered. An office records the applications it
// receives with a tracking code, which the citizen follows on the portal without an account.
// And the council registers the government systems that follow the registry's finalized acts
// (`registerSubscriber`; the feed itself is read through the office read API, `office.mjs`).
import { hexToU8a } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { findEvent, submit, submitAsGovernance } from './connect.mjs';
import { officeRead } from './office.mjs';

// #region notifyBirth
/** `civilEvents.notifyBirth` (call 24), signed by the staff of a health facility (an office of
 *  kind `HealthFacility`, registered and given its head's key by the regional department): a
 *  birth in the facility — the day, the child's sex, the mother (`{ Person: id }`, or
 *  `{ IdentityKey: hash }` when the hospital does not know her person id) and the hash of the
 *  medical birth record. It is not an act: an office registers the birth from it
 *  (`registerBirth` with `notification`). Returns the notification's id. */
export async function notifyBirth(api, nurse, birthDate, sex, mother, recordHash) {
  const { events } = await submit(api, api.tx.civilEvents.notifyBirth(birthDate, sex, mother, recordHash), nurse);
  return findEvent(api, events, 'Notified').notification.toNumber();
}
// #endregion notifyBirth

// #region notifyDeath
/** `civilEvents.notifyDeath` (call 25): a death the facility certified — the day, the person
 *  (on chain and alive) and the hash of the medical certificate of death. */
export async function notifyDeath(api, nurse, dateOfDeath, person, certificateHash) {
  const { events } = await submit(api, api.tx.civilEvents.notifyDeath(dateOfDeath, person, certificateHash), nurse);
  return findEvent(api, events, 'Notified').notification.toNumber();
}
// #endregion notifyDeath

// #region withdrawNotification
/** `civilEvents.withdrawNotification` (call 26): the facility withdraws an open notification it
 *  sent in error (another facility's: `civilEvents.NotYourNotification`). */
export async function withdrawNotification(api, nurse, notification) {
  const { events } = await submit(api, api.tx.civilEvents.withdrawNotification(notification), nurse);
  return findEvent(api, events, 'NotificationWithdrawn').notification.toNumber();
}
// #endregion withdrawNotification

// #region overdueNotifications
/** The district office's list: the notifications of births and deaths in `district` that no act
 *  followed within the legal period (a birth a month, a death three days), as of the chain's
 *  today — `limit` (at most 100) from notification id `from` on, each `{ id, kind, facility,
 *  date, deadline }`. Read through the office read API (`office_overdueNotifications`, signed by
 *  an officer and logged, as every read of registry data is; the runtime API
 *  `civilRegistryApi.overdueNotifications` answers it on a node's own RPC). */
export async function overdueNotifications(api, url, clerk, district, { office, from = 0, limit = 100 }) {
  const { result, logged } = await officeRead(url, api.genesisHash.toHex(), 'office_overdueNotifications',
    [district, from, limit], `overdue notifications of ${district} from ${from}, ${limit}`, clerk,
    { office, purpose: 'registration' });
  const list = api.registry.createType(api.call.civilRegistryApi.overdueNotifications.meta.type, hexToU8a(result));
  return {
    logged,
    list: list.map((n) => ({
      id: n.id.toNumber(), kind: n.kind.toString(), facility: n.facility.toNumber(),
      date: n.date.toJSON(), deadline: n.deadline.toJSON(),
    })),
  };
}
// #endregion overdueNotifications

// #region trackingCode
/** A tracking code for a citizen: 20 characters from an alphabet without look-alikes, 100 bits
 *  from the system's random source, printed on the receipt. Only its hash goes on chain, so no
 *  one can guess a code from the chain. */
export function trackingCode() {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return Array.from(bytes, (b) => alphabet[b % 32]).join('');
}
// #endregion trackingCode

// #region receiveApplication
/** `civilEvents.receiveApplication` (call 27), by an officer of the office that received it:
 *  `kind` `'Marriage'`, `'BirthRegistration'`, `'CertificateReissue'` or `'NameChange'`; the
 *  tracking code's BLAKE2-256 hash; for a marriage its two applicants (person ids), otherwise
 *  none. A marriage application's waiting period (a month) starts today. Returns the
 *  application's id. */
export async function receiveApplication(api, officer, kind, code, applicants = []) {
  const tx = api.tx.civilEvents.receiveApplication(kind, blake2AsHex(code, 256), applicants);
  const { events } = await submit(api, tx, officer);
  return findEvent(api, events, 'ApplicationReceived').application.toNumber();
}
// #endregion receiveApplication

// #region updateApplication
/** `civilEvents.updateApplication` (call 28): `'Accepted'`, `'Waiting'`, `{ Refused: reason }`
 *  (`'IncompleteDocuments'`, `'LegalImpediment'`, `'Withdrawn'`, `'WrongOffice'`,
 *  `'NotEntitled'`), or `{ Registered: act }` — for an application other than a marriage,
 *  the act in effect that this office registered for it (a reissue: the act whose certificate
 *  it issued). A registered or refused application changes no more. */
export async function updateApplication(api, officer, application, status) {
  const { events } = await submit(api, api.tx.civilEvents.updateApplication(application, status), officer);
  return findEvent(api, events, 'ApplicationUpdated').status.toJSON();
}
// #endregion updateApplication

// #region shortenWaiting
/** `civilEvents.shortenWaiting` (call 29): a head of the office (or of the regional department
 *  above it) lets a marriage register from `earliest` — a day from the application up to the
 *  end of its month — for a reason the law names: `'Pregnancy'`, `'BirthOfChild'`,
 *  `'Emancipation'` or `'ThreatToLife'` (the day of the application), with the hash of the
 *  paper it rests on. */
export async function shortenWaiting(api, head, application, reason, earliest, evidenceHash) {
  const tx = api.tx.civilEvents.shortenWaiting(application, reason, earliest, evidenceHash);
  const { events } = await submit(api, tx, head);
  return findEvent(api, events, 'WaitingShortened').earliest.toJSON();
}
// #endregion shortenWaiting

// #region applicationStatus
/** What a citizen's portal asks the public side (the projection, or the gateway): the status of
 *  the application with tracking code `code` — `received`, `accepted`, `waiting`, `registered`
 *  or `{ refused: reason }` — and nothing else; `null` for an unknown code. Plain JSON over HTTP:
 *  the code's hash is computed by the server, the code itself travels over TLS. */
export async function applicationStatus(endpoint, code) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'civil_applicationStatus', params: [code] }),
  });
  const { result, error } = await response.json();
  if (error?.code === 4004) return null;
  if (error) throw new Error(error.message);
  return result.status;
}
// #endregion applicationStatus

// #region vitalStatistics
/** What a statistics office or a newspaper asks the public side: the released UN vital
 *  statistics of `jurisdiction` for the closed months `from`..`to` (`"YYYY-MM"`) — one row per
 *  month and cell: `{ month, table, kind, category, count }`, `table` one of `registration`
 *  (by month of registration; regions and the country), `residence` (by place of usual
 *  residence), `motherAge` (category: the age group; regions and the country), `timeliness`
 *  (category `inTime`, `late` or `delayed`; regions and the country), `notified`,
 *  `notifiedRegistered` (completeness against the hospitals' notifications); `count` is `null`
 *  where the disclosure control withholds it. `release` says which release answered. */
export async function vitalStatistics(endpoint, jurisdiction, from, to) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'civil_vitalStatistics', params: [jurisdiction, from, to] }),
  });
  const { result, error } = await response.json();
  if (error) throw new Error(error.message);
  return result;
}
// #endregion vitalStatistics

// #region registerHealthFacility
/** The regional level registers a maternity hospital or clinic of its region as a notifying
 *  facility (`offices.registerOffice` of kind `HealthFacility`, signed by the regional
 *  department's head — no council motion) and appoints its head (`offices.appointHead`, which a
 *  regional head may sign for a health facility only). The facility's head then appoints its
 *  staff with `offices.appointRegistrar`, as an office's head does. Returns the office id. */
export async function registerHealthFacility(api, regionalHead, district, name, head) {
  const registered = await submit(api, api.tx.offices.registerOffice('HealthFacility', district, name), regionalHead);
  const office = findEvent(api, registered.events, 'OfficeRegistered', 'offices').office.toNumber();
  await submit(api, api.tx.offices.appointHead(office, head), regionalHead);
  return office;
}
// #endregion registerHealthFacility

// #region registerSubscriber
/** Governance registers a government system that follows the registry's finalized acts — the
 *  ID agency, the pension fund, the health information system — as an office of kind
 *  `{ Subscriber: kinds }` (`kinds`: one bit per act kind it is entitled to, birth 1, death 2,
 *  marriage 4, divorce 8, adoption 16, paternity 32, change of name 64, enrollment 128), bound
 *  to the country, and appoints the key its system signs feed requests with. That key signs no
 *  transaction and reads no person: it reads the feed, and nothing else. Returns the office. */
export async function registerSubscriber(api, sudoKey, country, name, kinds, key) {
  const { events } = await submitAsGovernance(api, api.tx.offices.registerOffice({ Subscriber: kinds }, country, name), sudoKey);
  const office = findEvent(api, events, 'OfficeRegistered', 'offices').office.toNumber();
  await submitAsGovernance(api, api.tx.offices.appointHead(office, key), sudoKey);
  return office;
}
// #endregion registerSubscriber
