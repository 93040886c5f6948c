// Connecting to a node and signing as an officer.
// #region imports
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
// #endregion imports

// #region connect
/** Connect to a node's WebSocket RPC. polkadot.js reads the runtime's metadata (V15+): every
 *  call, event, storage item and runtime API of the chain is typed, with no type definitions. */
export async function connect(endpoint = 'ws://127.0.0.1:9944') {
  await cryptoWaitReady();
  return ApiPromise.create({ provider: new WsProvider(endpoint), noInitWarn: true });
}
// #endregion connect

// #region officer
/** An officer's signing key. In an office it comes from the officer's own keystore (a hardware
 *  key or an encrypted JSON backup), never from code; on the development chain the officers are
 *  the well-known `//Alice` (head of office 0, and the sudo key) and `//Bob` (registrar). */
export function officer(uri) {
  return new Keyring({ type: 'sr25519' }).addFromUri(uri);
}
// #endregion officer

// #region submit
/** Sign `tx` as `signer`, submit it, and wait until it is in a block. Resolves with the block
 *  hash and the transaction's events. Rejects with an `Error` whose message is the module
 *  error's `section.name` (e.g. `civilEvents.AlreadyMarried`, with its documentation in
 *  `error.docs`) when the chain refused the call, or with the pool's reason when the pool
 *  refused the transaction (e.g. `1010: Invalid Transaction: Invalid signing address` for an
 *  account that holds no role).
 *
 *  Independent transactions need not wait for each other's blocks: start several `submit`s
 *  and await them together (`Promise.all`), from one signer or many, and they share a block.
 *  Each signer's submissions are handed to the pool one after another with consecutive
 *  nonces (the pool's `system.accountNextIndex` counts the transactions it already holds);
 *  if another program signing with the same key took that nonce first, the pool answers
 *  `1014: Priority is too low` (or accepts the transaction, then reports it invalid once the
 *  other one is in a block) and the transaction is signed again with the next nonce.
 *  `onAccepted`, if given, is called each time the pool accepts the transaction (again after
 *  such a signing anew). */
export function submit(api, tx, signer, { onAccepted } = {}) {
  return inTurn(signer.address, (accepted) => send(api, tx, signer, accepted, onAccepted));
}

/** Submissions per signer, one at a time until the pool has accepted each. */
const turns = new Map();
function inTurn(address, job) {
  const previous = turns.get(address) ?? Promise.resolve();
  let accepted;
  const gate = new Promise((resolve) => { accepted = resolve; });
  turns.set(address, previous.then(() => gate));
  return previous.then(() => job(accepted));
}

/** Hand `tx` to the pool with the signer's next nonce; call `accepted` once the pool has it
 *  (or refused it for good), and resolve with the included block's hash and events. */
function send(api, tx, signer, accepted, onAccepted) {
  return new Promise((resolve, reject) => {
    let done = false;
    let unsubscribe;
    const finish = () => {
      done = true;
      if (unsubscribe) unsubscribe();
    };
    const attempt = async (tries) => {
      const nonce = await api.rpc.system.accountNextIndex(signer.address);
      return tx.signAndSend(signer, { nonce }, ({ status, events, dispatchError }) => {
        if (done) return;
        if (status.isUsurped && tries > 0) {
          // Replaced in the pool by another transaction with the same nonce: sign again.
          finish();
          done = false;
          attempt(tries - 1).then((u) => { unsubscribe = u; }, reject);
          return;
        }
        if ((status.isDropped || status.isInvalid) && tries > 0) {
          // Accepted, then thrown out of the pool. If the chain's nonce of the signer is past
          // this transaction's, another program's transaction used the nonce first (the pool
          // can accept both before either is in a block): sign again. Otherwise the reason is
          // the transaction's own, and it is reported.
          finish();
          api.query.system.account(signer.address).then(({ nonce: used }) => {
            if (used.toNumber() > nonce.toNumber()) {
              done = false;
              attempt(tries - 1).then((u) => { unsubscribe = u; }, reject);
            } else {
              reject(new Error(`the pool dropped the transaction (${status.type})`));
            }
          }, reject);
          return;
        }
        if (status.isDropped || status.isInvalid || status.isUsurped) {
          finish();
          reject(new Error(`the pool dropped the transaction (${status.type})`));
          return;
        }
        if (!status.isInBlock) return;
        finish();
        if (!dispatchError) {
          resolve({ blockHash: status.asInBlock.toHex(), events });
        } else if (dispatchError.isModule) {
          const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
          reject(Object.assign(new Error(`${section}.${name}`), { docs: docs.join(' ') }));
        } else {
          reject(new Error(dispatchError.toString()));
        }
      }).then((u) => {
        if (onAccepted) onAccepted();
        return u;
      }).catch(async (e) => {
        // The nonce was taken meanwhile by another program signing with the same key: wait a
        // moment (at random, so that the two programs fall out of step) and sign again.
        if (tries > 0 && /^1014:|Transaction is outdated/.test(e.message)) {
          await new Promise((r) => setTimeout(r, Math.random() * 200));
          return attempt(tries - 1);
        }
        throw e;
      });
    };
    attempt(20).then((u) => {
      unsubscribe = u;
      if (done) u();
      accepted();
    }, (e) => {
      accepted();
      reject(e);
    });
  });
}
// #endregion submit

// #region findEvent
/** The fields of the first `civilEvents.<name>` (or `<pallet>.<name>`) event among `events`, by
 *  name: `findEvent(api, events, 'BirthRegistered').child`. */
export function findEvent(api, events, name, pallet = 'civilEvents') {
  const record = events.find(({ event }) => api.events[pallet][name].is(event));
  if (!record) throw new Error(`no ${pallet}.${name} event`);
  return record.event.data;
}
// #endregion findEvent

// #region today
/** The chain's today as a registry `Date`: the date of the latest block's timestamp in the
 *  country's time zone, as the runtime reckons it (`civilEvents.law.utcOffsetMinutes`: 300,
 *  Tashkent's UTC+5, where a new day starts at 19:00 UTC). Acts may not be dated after it; a
 *  marriage is dated on it. */
export async function today(api) {
  const offset = api.consts.civilEvents.law.utcOffsetMinutes.toNumber();
  const local = new Date((await api.query.timestamp.now()).toNumber() + offset * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}
// #endregion today

// #region identityKey
/** The identity key of a person: a keyed BLAKE2b-256 hash of the national identifier (PINFL),
 *  computed in the office with the registry's secret key, which never reaches the chain. The
 *  data root is computed the same way over the person's salted fields. */
export function identityKey(pinfl, registrySecret) {
  return blake2AsHex(pinfl, 256, new TextEncoder().encode(registrySecret));
}
// #endregion identityKey

// #region governance
/** Dispatch `call` as governance. On the development chain governance is Root, reached through
 *  `sudo.sudo` signed by the sudo key (//Alice); the inner call's outcome is in the
 *  `sudo.Sudid` event, which this checks, rejecting like `submit` does. */
export async function submitAsGovernance(api, call, sudoKey) {
  const { blockHash, events } = await submit(api, api.tx.sudo.sudo(call), sudoKey);
  const { sudoResult } = findEvent(api, events, 'Sudid', 'sudo');
  if (sudoResult.isErr) {
    const error = sudoResult.asErr;
    if (error.isModule) {
      const { section, name, docs } = api.registry.findMetaError(error.asModule);
      throw Object.assign(new Error(`${section}.${name}`), { docs: docs.join(' ') });
    }
    throw new Error(error.toString());
  }
  return { blockHash, events };
}
// #endregion governance
