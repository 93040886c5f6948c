// Reading the registry: the runtime API (typed, through polkadot.js), storage, the `civil_*`
// RPC (plain JSON), and event subscriptions.

// #region person
/** `civilRegistryApi.person`: a person's record (no name, no national number). */
export async function person(api, id) {
  const record = await api.call.civilRegistryApi.person(id);
  return record.isSome ? record.unwrap().toJSON() : null;
}
// #endregion person

// #region act
/** `civilRegistryApi.act`: an act with its superseded versions and its revocation; `null` for
 *  an unknown or sealed act. */
export async function act(api, id) {
  const record = await api.call.civilRegistryApi.act(id);
  return record.isSome ? record.unwrap().toJSON() : null;
}
// #endregion act

// #region subjectsOf
/** The persons an act concerns, from its details (the runtime's `ActDetails::subjects`): a
 *  birth's child (once created: `null` while the birth is pending) then its parents; an
 *  enrollment's person then parents; both spouses of a marriage or a divorce; an adoption's child
 *  then its adoptive parents (those of its `parents` who were not the child's `previous` ones:
 *  a step-parent's spouse stays, and is not one); a paternity's child then father; otherwise the
 *  one person. */
export function subjectsOf(act) {
  const d = act.details.toJSON();
  const [kind] = Object.keys(d);
  const x = d[kind];
  const some = (...ids) => ids.filter((id) => id !== null && id !== undefined);
  switch (kind) {
    case 'birth': return some(x.child, x.parents.mother, x.parents.father);
    case 'enrollment': return some(x.person, x.parents.mother, x.parents.father);
    case 'marriage':
    case 'divorce': return [x.spouses.first, x.spouses.second];
    case 'adoption': {
      const adoptive = (slot) => (x.parents[slot] !== x.previous[slot] ? x.parents[slot] : null);
      return some(x.child, adoptive('mother'), adoptive('father'));
    }
    case 'paternity': return [x.child, x.father];
    default: return [x.person];
  }
}
// #endregion subjectsOf

// #region actsOf
/** `civilRegistryApi.actsOf`: a page of a person's acts (at most 100 per page). */
export async function actsOf(api, personId, offset = 0, limit = 100) {
  const page = await api.call.civilRegistryApi.actsOf(personId, offset, limit);
  return { total: page.total.toNumber(), acts: page.acts.map((a) => a.toNumber()) };
}
// #endregion actsOf

// #region verifyCertificate
/** `civilRegistryApi.verifyCertificate`: the status of a certificate — `Valid`, `Superseded`
 *  or `Revoked` — with the kind of act, the registering office and the versions; `null` for an
 *  unknown hash. */
export async function verifyCertificate(api, certificateHash) {
  const info = await api.call.civilRegistryApi.verifyCertificate(certificateHash);
  return info.isSome ? info.unwrap().toJSON() : null;
}
// #endregion verifyCertificate

// #region statistics
/** `civilRegistryApi.statistics`: acts in effect per month and kind in a jurisdiction and
 *  below it (`kind` `null` for all kinds; at most 120 months). An act counts under the month
 *  of its event: an enrollment under the person's month of birth, not the month it was
 *  entered. */
export async function statistics(api, jurisdiction, kind, from, to) {
  const result = await api.call.civilRegistryApi.statistics(jurisdiction, kind, from, to);
  if (result.isErr) throw new Error(result.asErr.type);
  return result.asOk.map((row) => row.toJSON());
}
// #endregion statistics

// #region publishedStatistics
/** `civilRegistryApi.publishedStatistics` (API version 2): what may be published of one kind in
 *  one month — every jurisdiction down to the policy's depth for the kind (regions for
 *  adoption, paternity and change of name), each with its count or `null` where the disclosure
 *  control withholds it. The public gateway serves the monthly release of these tables
 *  (`civil_publishedStatistics`). */
export async function publishedStatistics(api, kind, month, policy = { threshold: 10, maxDepth: 2, rareMaxDepth: 1 }) {
  const result = await api.call.civilRegistryApi.publishedStatistics(kind, month, policy);
  if (result.isErr) throw new Error(result.asErr.type);
  return result.asOk.cells.map((c) => ({
    jurisdiction: c.jurisdiction.toNumber(),
    count: c.count.isSome ? c.count.unwrap().toNumber() : null,
  }));
}
// #endregion publishedStatistics

// #region directory
/** `civilRegistryApi.directory` (API version 2): every jurisdiction (with its depth: 0 the
 *  country, 1 a region, 2 a district) and every office, by name. */
export async function directory(api) {
  const d = await api.call.civilRegistryApi.directory();
  return {
    jurisdictions: d.jurisdictions.map((j) => ({
      id: j.id.toNumber(), code: j.code.toUtf8(), name: j.name.toUtf8(),
      parent: j.parent.isSome ? j.parent.unwrap().toNumber() : null, depth: j.depth.toNumber(),
    })),
    offices: d.offices.map((o) => ({
      id: o.id.toNumber(), name: o.name.toUtf8(), jurisdiction: o.jurisdiction.toNumber(),
      status: o.status.type.toLowerCase(),
    })),
  };
}
// #endregion directory

// #region blockActivity
/** `civilRegistryApi.blockActivity` (API version 2) at block `blockHash`: the acts that block
 *  registered, per region — no kind, office or officer. */
export async function blockActivity(api, blockHash) {
  const at = await api.at(blockHash);
  const rows = await at.call.civilRegistryApi.blockActivity();
  return rows.map((r) => ({ region: r.region.toNumber(), acts: r.acts.toNumber() }));
}
// #endregion blockActivity

// #region jurisdictionByCode
/** `offices.jurisdictionByCode`: a jurisdiction's id from its code (`'UZ-TK-YUN'`), or `null`.
 *  Acts and queries take ids; ids are assigned by the chain, so look them up by code. */
export async function jurisdictionByCode(api, code) {
  const id = await api.query.offices.jurisdictionByCode(code);
  return id.isSome ? id.unwrap().toNumber() : null;
}
// #endregion jurisdictionByCode

// #region jurisdictions
/** `offices.jurisdictions`: every jurisdiction as `{ id, code, name, parent }`, by id. */
export async function jurisdictions(api) {
  const entries = await api.query.offices.jurisdictions.entries();
  return entries
    .map(([key, value]) => {
      const j = value.unwrap();
      return {
        id: key.args[0].toNumber(),
        code: j.code.toUtf8(),
        name: j.name.toUtf8(),
        parent: j.parent.isSome ? j.parent.unwrap().toNumber() : null,
      };
    })
    .sort((a, b) => a.id - b.id);
}
// #endregion jurisdictions

// #region officerQuery
/** `civilRegistryApi.officer`: an account's office and role; `null` if it holds none. */
export async function officer(api, account) {
  const info = await api.call.civilRegistryApi.officer(account);
  return info.isSome ? info.unwrap().toJSON() : null;
}
// #endregion officerQuery

// #region office
/** `civilRegistryApi.office`: an office's kind, jurisdiction, status, head and registrars. */
export async function office(api, id) {
  const info = await api.call.civilRegistryApi.office(id);
  return info.isSome ? info.unwrap().toHuman() : null;
}
// #endregion office

// #region actsUnderReview
/** `civilRegistryApi.actsUnderReview`: the acts a compromised key signed or approved (and
 *  those of a registrar it appointed once compromised), each with why (`reason`:
 *  `SignedByCompromisedKey` or `ApprovedByCompromisedKey`) and its review flag. */
export async function actsUnderReview(api, account) {
  const items = await api.call.civilRegistryApi.actsUnderReview(account);
  return items.map((item) => item.toJSON());
}
// #endregion actsUnderReview

// #region storage
/** Storage, as a block explorer reads it: `civilEvents.acts(id)`, `persons.persons(id)`,
 *  `civilEvents.statistics(kind, month, jurisdiction)`. */
export async function storage(api, actId, personId, kind, month, jurisdiction) {
  const [actRecord, personRecord, count] = await Promise.all([
    api.query.civilEvents.acts(actId),
    api.query.persons.persons(personId),
    api.query.civilEvents.statistics(kind, month, jurisdiction),
  ]);
  return { act: actRecord.toJSON(), person: personRecord.toJSON(), count: count.toNumber() };
}
// #endregion storage

// #region rpc
/** Call a `civil_*` method over HTTP with plain JSON: any node's RPC (`http://<node>:9944`).
 *  Errors carry the JSON-RPC code: -32602 invalid parameter, 4004 not found. */
export async function rpc(rpcUrl, method, params) {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const { result, error } = await response.json();
  if (error) throw Object.assign(new Error(error.message), { code: error.code });
  return result;
}
// #endregion rpc

// #region verifyFromQr
/** Verify a certificate from its QR code, which holds the certificate's hash: no blockchain
 *  library, one HTTP request. Unknown hashes answer the error code 4004, malformed ones
 *  -32602. The node answers from the latest finalized block, an answer that never changes;
 *  a certificate issued seconds ago is known once its block is final (about two blocks), or
 *  at once with `at = 'best'`. */
export async function verifyFromQr(rpcUrl, qrText, at) {
  // { status: 'valid' | 'superseded' | 'revoked' | 'underReview' | 'reportedLost' | 'reportedStolen'
  //   | 'issuedInError', kind: 'birth', office, version, currentVersion, issuedAt,
  //   issuedOn: 'YYYY-MM-DD' }
  const params = [qrText.trim()];
  if (at !== undefined) params.push(at);
  return rpc(rpcUrl, 'civil_verifyCertificate', params);
}
// #endregion verifyFromQr

// #region statisticsRpc
/** `civil_statistics`: months as `"YYYY-MM"`, kinds as in the JSON (`"birth"`, `"marriage"`,
 *  ...; `null` for all). From the finalized block, or `at` (`'best'` or a block hash). */
export async function statisticsRpc(rpcUrl, jurisdiction, kind, from, to, at) {
  const params = [jurisdiction, kind, from, to];
  if (at !== undefined) params.push(at);
  return rpc(rpcUrl, 'civil_statistics', params);
}
// #endregion statisticsRpc

// #region followEvents
/** Follow the registry as a block explorer does: every event of `Offices`, `Persons` and
 *  `CivilEvents` in every new block, with its fields by name. Returns the unsubscribe
 *  function. */
export async function followEvents(api, onEvent) {
  return api.query.system.events((records) => {
    for (const { event } of records) {
      if (!['offices', 'persons', 'civilEvents'].includes(event.section)) continue;
      const fields = Object.fromEntries(
        event.data.names.map((name, i) => [name, event.data[i].toJSON()]));
      onEvent(`${event.section}.${event.method}`, fields);
    }
  });
}
// #endregion followEvents

// #region feedEvents
/** The events of block `blockHash` about acts, as the runtime reads them for the feed: each
 *  `{ index, change, act, kind, persons, date }`. A node's own RPC, inside the authority
 *  network (a runtime API call at that block, so on a node that keeps the block's state). */
export async function feedEvents(api, blockHash) {
  const events = await (await api.at(blockHash)).call.civilRegistryApi.feedEvents();
  return events.map((e) => e.toJSON());
}
// #endregion feedEvents
