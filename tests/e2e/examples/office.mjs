// Reading persons as an office system: the office read API of a department's node
// (`--office-api`, docs/operators.md). Every request is signed by an officer of an active
// office with the officer's own key, and every answered read is written to the node's access
// log, which the node anchors on chain.
import { randomAsHex } from '@polkadot/util-crypto';
import { hexToU8a, stringToU8a, u8aToHex } from '@polkadot/util';
import { rpc } from './queries.mjs';

// #region signedText
/** The text an officer signs for a request, line by line as the node rebuilds it
 *  (node/src/rpc/office.rs, `signed_text`): `target` names what is read, exactly as the methods
 *  below write it. */
export function signedText(genesisHash, method, target, credentials) {
  const { office, officer, purpose, legalBasis, at, nonce } = credentials;
  return [
    'civil-registry/office-read/1',
    `genesis: ${genesisHash}`,
    `method: ${method}`,
    `target: ${target}`,
    `office: ${office}`,
    `officer: ${officer}`,
    `purpose: ${purpose}`,
    `legal basis: ${legalBasis ?? '-'}`,
    `at: ${at}`,
    `nonce: ${nonce}`,
  ].join('\n');
}
// #endregion signedText

// #region officeRead
/** Call `method` of the office read API at `url` (`http://<node>:9946`) as `officer` (a
 *  keyring pair) of office `office`, stating `purpose` (`registration`, `certificate`,
 *  `correction`, `court-request`, `audit`, `citizen-request`, or a subscriber's
 *  `subscription`) and, for a sealed record only,
 *  `legalBasis` (the hash of the court decision). The credentials hold the time (the node
 *  accepts ±60 s) and a fresh nonce (each is answered once). Errors carry the code: 4010 not an
 *  officer of an active office (or no credentials), 4011 bad signature, 4012 expired, 4013
 *  replayed, 4014 no legal basis, 4015 not for this office (a health facility or a subscriber
 *  reads no person; only a subscriber reads the feed), 4016 a block's state no longer kept
 *  (the feed), -32602 malformed. The answer is `{ result, logged }`:
 *  `logged` is the read's entry in the access log. */
export async function officeRead(url, genesisHash, method, params, target, officer, { office, purpose, legalBasis = null }) {
  const credentials = {
    office, officer: officer.address, purpose, legalBasis, at: Date.now(), nonce: randomAsHex(16),
  };
  const text = signedText(genesisHash, method, target, credentials);
  credentials.signature = u8aToHex(officer.sign(stringToU8a(text)));
  return rpc(url, method, [...params, credentials]);
}
// #endregion officeRead

// #region readPerson
/** `office_person`: a person's record, as `civilRegistryApi.person` answers it (SCALE, decoded
 *  here with the runtime API's own type from the metadata); `null` for an unknown id. */
export async function readPerson(api, url, officer, id, { office, purpose }) {
  const { result, logged } = await officeRead(
    url, api.genesisHash.toHex(), 'office_person', [id], `person ${id}`, officer, { office, purpose });
  const record = api.registry.createType(api.call.civilRegistryApi.person.meta.type, hexToU8a(result));
  return { record: record.isSome ? record.unwrap().toJSON() : null, logged };
}
// #endregion readPerson

// #region readAct
/** `office_act`: an act with its versions, as `civilRegistryApi.act` answers it. */
export async function readAct(api, url, officer, id, { office, purpose }) {
  const { result, logged } = await officeRead(
    url, api.genesisHash.toHex(), 'office_act', [id], `act ${id}`, officer, { office, purpose });
  const record = api.registry.createType(api.call.civilRegistryApi.act.meta.type, hexToU8a(result));
  return { record: record.isSome ? record.unwrap().toJSON() : null, logged };
}
// #endregion readAct

// #region readActsOf
/** `office_actsOf`: a page of a person's acts (at most 100), as `civilRegistryApi.actsOf`. */
export async function readActsOf(api, url, officer, person, offset, limit, { office, purpose }) {
  const { result, logged } = await officeRead(
    url, api.genesisHash.toHex(), 'office_actsOf', [person, offset, limit],
    `acts of person ${person} from ${offset}, ${limit}`, officer, { office, purpose });
  const page = api.registry.createType(api.call.civilRegistryApi.actsOf.meta.type, hexToU8a(result));
  return { total: page.total.toNumber(), acts: page.acts.map((a) => a.toNumber()), logged };
}
// #endregion readActsOf

// #region readBirthParents
/** `office_birthParents`: the birth parents of an adopted child (its parents before its first
 *  adoption) — `{ adoption, mother, father }`, or `null` if the child is not adopted. Only with a legal basis; the node anchors
 *  the read on chain at once (`authorities.AccessLogAnchored` with `sealed: true`). */
export async function readBirthParents(api, url, officer, child, { office, purpose, legalBasis }) {
  return officeRead(
    url, api.genesisHash.toHex(), 'office_birthParents', [child], `birth parents of person ${child}`,
    officer, { office, purpose, legalBasis });
}
// #endregion readBirthParents

// #region checkAccessLog
/** `civil_checkAccessLog`, on the node's own RPC (the operator's, or an auditor's with the
 *  operator): the log's entries, the anchors of the node's key on chain, and `broken` — where
 *  the log stops being what its hashes and the anchors say — or `null`. */
export async function checkAccessLog(nodeRpcUrl) {
  return rpc(nodeRpcUrl, 'civil_checkAccessLog', []);
}
// #endregion checkAccessLog

// #region readFeed
/** `office_feed`: the finalized events about acts of the kinds the subscriber's office is
 *  entitled to, after `after` — the `next` of the previous answer, `null` the first time — at
 *  most `max` (1 000). Each event: `{ block, blockHash, event, change, act, kind, persons,
 *  date }`, `change` one of `registered` (also a pending act approved), `amended`, `revoked`.
 *  Keep `next` in the same write as what you did with the events: a consumer that stops
 *  anywhere and asks again from the `next` it kept gets every event once, in order, and never
 *  one of a block that is not final. Each answer is an entry of the node's access log. */
export async function readFeed(url, genesisHash, subscriber, office, after, max = 1000) {
  const target = after ? `feed after ${after.block}:${after.event} max ${max}` : `feed from the start max ${max}`;
  const { result, logged } = await officeRead(
    url, genesisHash, 'office_feed', [after, max], target, subscriber, { office, purpose: 'subscription' });
  return { ...result, logged };
}
// #endregion readFeed
