// The paper archive at roll-out: importing persons and marriages in batches, and anchoring
// batches of records by Merkle roots so that any one of them can later be proven unaltered.
import { submit } from './connect.mjs';
import { rpc } from './queries.mjs';

// #region enrollBatch
/** Import `records` — each as `civilEvents.enrollBatch` takes it: `{ Person: { jurisdiction,
 *  birthDate, identityKey, dataRoot, sex, mother, father, archiveReference } }` or
 *  `{ Marriage: { jurisdiction, date, first, second, archiveReference } }` — in batches of
 *  `batchSize` (at most the runtime's `maxArchiveBatch`, 256), signed by `signer`.
 *
 *  Nothing is silently lost: at most `backlog` batches are in the pool at once (the pool holds
 *  at most 17 transactions of one signer); each batch is watched until it is in a block, and
 *  the import returns once the last block is final; a batch the pool refuses (full) or later
 *  drops is sent again, signed anew with a fresh nonce. Sending a batch twice is harmless: the
 *  chain skips the records it holds already (by identity key and archive reference), so an
 *  interrupted import is simply run again from the start.
 *
 *  Resolves with one outcome per record, in order: `{ enrolled: act }`, `{ skipped: act }` (on
 *  chain already) or `{ refused: 'civilEvents.Name' }` (the error the single call would give). */
export async function importArchive(api, signer, records, { batchSize = 256, backlog = 8 } = {}) {
  const batches = [];
  for (let i = 0; i < records.length; i += batchSize) batches.push(records.slice(i, i + batchSize));
  const outcomes = new Array(records.length);
  const inFlight = new Set();
  for (const [n, batch] of batches.entries()) {
    while (inFlight.size >= backlog) await Promise.race(inFlight);
    const job = sendBatch(api, signer, batch).then((results) => {
      results.forEach((r, i) => { outcomes[n * batchSize + i] = r; });
    });
    const tracked = job.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  // Every batch is in a block; wait until the last of them is final.
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  while ((await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber() < best) {
    await new Promise((r) => setTimeout(r, 500));
  }
  return outcomes;
}

/** Send one batch until it is in a block; its records' outcomes. `submit` hands a signer's
 *  transactions to the pool one at a time with consecutive nonces (connect.mjs). */
async function sendBatch(api, signer, batch) {
  for (;;) {
    try {
      const { events } = await submit(api, api.tx.civilEvents.enrollBatch(batch), signer);
      return batchOutcomes(api, events);
    } catch (e) {
      // A module error (with its docs) is the batch's own — an empty batch, a signer that is
      // no officer — and sending it again would not help.
      if (e.docs !== undefined) throw e;
      // Refused or dropped by the pool (full): wait for room, then send it again.
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** One outcome per record from a batch's events, in the batch's order. */
function batchOutcomes(api, events) {
  const outcomes = [];
  for (const { event } of events) {
    if (event.section !== 'civilEvents') continue;
    const data = event.data;
    if (event.method === 'PersonEnrolled' || event.method === 'MarriageEnrolled') {
      outcomes.push({ enrolled: data.act.toNumber() });
    } else if (event.method === 'ArchiveRecordSkipped') {
      outcomes.push({ skipped: data.act.toNumber() });
    } else if (event.method === 'ArchiveRecordRefused') {
      const error = data.error;
      const name = error.isModule
        ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(error.asModule))
        : error.toString();
      outcomes.push({ refused: name });
    }
  }
  return outcomes;
}
// #endregion enrollBatch

// #region anchorArchiveBatch
/** `civilEvents.anchorArchiveBatch` (call 18): anchor `count` paper records of `office`'s
 *  archive dated within `period` (`{ from, to }`, registry dates) by the Merkle root of their
 *  hashes, built with `scripts/load/archive-tree.mjs`. Nothing about the records goes on chain.
 *  The signer is an officer of `office`, an archive or a registry office. */
export async function anchorArchiveBatch(api, signer, root, count, office, period) {
  const tx = api.tx.civilEvents.anchorArchiveBatch(root, count, office, period);
  return submit(api, tx, signer);
}
// #endregion anchorArchiveBatch

// #region verifyArchiveRecord
/** `civil_verifyArchiveRecord` over plain JSON-RPC: whether `proof` (the siblings from the leaf
 *  up, as `archive-tree.mjs proof` prints them) proves the record whose hash is `record`, at
 *  position `index` of the batch anchored as `root`. Answers `{ proven: true, count, office,
 *  periodFrom, periodTo, anchoredAt }` or `{ proven: false, reason }`; an unknown root is error
 *  4004. */
export function verifyArchiveRecord(rpcUrl, root, index, record, proof) {
  return rpc(rpcUrl, 'civil_verifyArchiveRecord', [root, index, record, proof]);
}
// #endregion verifyArchiveRecord
