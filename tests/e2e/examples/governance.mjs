// The council, the root path and session keys. On a real network the council is the regional
// justice departments' governance accounts; on the development chain it is Alice alone, so one
// aye is two thirds.
import { findEvent, submit } from './connect.mjs';

// #region councilMotion
/** A council member proposes `call`; it passes once `threshold` members voted aye (two thirds
 *  of the council: 3 of 4 departments). With a threshold of 1 (a one-member council) it is
 *  dispatched at once. Returns the motion's hash and index, or the result of the dispatch. */
export async function councilMotion(api, member, call, threshold) {
  const tx = api.tx.council.propose(threshold, call, call.encodedLength);
  const { events } = await submit(api, tx, member);
  const executed = events.find(({ event }) => api.events.council.Executed.is(event));
  if (executed) return { executed: executed.event.data.result };
  const { proposalHash, proposalIndex } = findEvent(api, events, 'Proposed', 'council');
  return { hash: proposalHash.toHex(), index: proposalIndex.toNumber() };
}
// #endregion councilMotion

// #region councilVote
/** A member votes on motion `index`. */
export async function councilVote(api, member, hash, index, aye) {
  await submit(api, api.tx.council.vote(hash, index, aye), member);
}
// #endregion councilVote

// #region councilClose
/** A member closes a motion that has enough votes either way; an approved one is dispatched
 *  with the council's origin. `call` is the motion's call: its length bounds the close, and its
 *  weight is bounded by the most a motion may weigh (`council.maxProposalWeight`). Resolves with
 *  the dispatch's result (`Ok` or the module error), or `null` if disapproved. */
export async function councilClose(api, member, hash, index, call) {
  const bound = api.consts.council.maxProposalWeight;
  const { events } = await submit(api, api.tx.council.close(hash, index, bound, call.encodedLength), member);
  const executed = events.find(({ event }) => api.events.council.Executed.is(event));
  return executed ? executed.event.data.result : null;
}
// #endregion councilClose

// #region asRoot
/** Root-only calls (`system.authorizeUpgrade`, `grandpa.noteStalled`) go through the council
 *  wrapped in `governance.dispatchAsRoot`; the call's own result is in the
 *  `governance.DispatchedAsRoot` event. */
export function asRoot(api, call) {
  return api.tx.governance.dispatchAsRoot(call);
}
// #endregion asRoot

// #region rotateKeys
/** Rotate an authority's session keys: the node generates new keys in its own keystore and a
 *  proof that they belong to `authority` (`author_rotateKeysWithOwner`, an unsafe RPC method:
 *  call it on the node itself, never over a public endpoint), then the authority's account
 *  registers them with `session.setKeys`. They take effect two sessions later. */
export async function rotateKeys(api, authority) {
  const owner = api.createType('AccountId', authority.address).toHex();
  // polkadot.js knows `author_rotateKeys` but not yet this method: send it as it is.
  const { keys, proof } = await api._rpcCore.provider.send('author_rotateKeysWithOwner', [owner]);
  await submit(api, api.tx.session.setKeys(keys, proof), authority);
  return keys;
}
// #endregion rotateKeys

// #region installUpgrade
/** Install a runtime whose hash the council authorized (`system.authorizeUpgrade`, as root):
 *  the code is submitted unsigned — the chain accepts only the code with the authorized hash,
 *  so it needs no signer and no budget. Resolves with the hash of the block that installed
 *  it; the new runtime runs from the next block. */
export function installUpgrade(api, code) {
  return new Promise((resolve, reject) => {
    let unsubscribe;
    let done = false;
    const finish = (f) => {
      done = true;
      if (unsubscribe) unsubscribe();
      f();
    };
    api.tx.system.applyAuthorizedUpgrade(code).send(({ status }) => {
      if (done) return;
      if (status.isInBlock) finish(() => resolve(status.asInBlock.toHex()));
      else if (status.isDropped || status.isInvalid || status.isUsurped) {
        finish(() => reject(new Error(`the pool dropped the upgrade (${status.type})`)));
      }
    }).then((u) => {
      unsubscribe = u;
      if (done) u();
    }, reject);
  });
}
// #endregion installUpgrade
