// The paper archive at roll-out: importing persons and marriages in batches, and anchoring
// batches of records by Merkle roots so that any one of them can later be proven unaltered.
import { submit } from './connect.mjs';
import { rpc } from './queries.mjs';

// #region importArchive
/** Import `records` — each as `civilEvents.enrollBatch` takes it: `{ Person: { jurisdiction,
 *  birthDate, identityKey, dataRoot, sex, mother, father, archiveReference } }` or
 *  `{ Marriage: { jurisdiction, date, first, second, archiveReference } }` — in batches of
 *  `batchSize` (at most the runtime's `maxArchiveBatch`, 256), signed by `signer`.
 *
 *  Nothing is silently lost: at most `backlog` batches are in the pool at once (the pool holds
 *  at most 17 transactions of one signer); each batch is watched until its block is finalized;
 *  one the pool refuses (full, "1014 Priority is too low") or later drops is sent again, signed
 *  anew with a fresh nonce. Sending a batch twice is harmless: the chain skips the records it
 *  holds already (by identity key and archive reference), so an interrupted import is simply
 *  run again from the start.
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
  return outcomes;
}

/** Send one batch until it is in a finalized block; its records' outcomes. */
async function sendBatch(api, signer, batch) {
  const tx = api.tx.civilEvents.enrollBatch(batch);
  for (;;) {
    try {
      return await new Promise((resolve, reject) => {
        let unsubscribe;
        let outcomes;
        const stop = (error) => { unsubscribe?.(); if (error) reject(error); else resolve(outcomes); };
        // `nonce: -1`: the pool's next nonce for the signer (counting what it holds already).
        tx.signAndSend(signer, { nonce: -1 }, ({ status, events, dispatchError }) => {
          if (status.isInBlock) {
            if (dispatchError) return stop(Object.assign(new Error(dispatchError.toString()), { final: true }));
            outcomes = batchOutcomes(api, events);
          } else if (status.isFinalized) {
            stop();
          } else if (status.isDropped || status.isInvalid || status.isUsurped) {
            stop(new Error(`the pool ${status.type.toLowerCase()} the batch`));
          }
        }).then((u) => { unsubscribe = u; }, stop);
      });
    } catch (e) {
      if (e.final) throw e;
      // Refused or dropped by the pool: wait for room, then send it again.
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
// #endregion importArchive

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
