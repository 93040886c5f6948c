// The ID agency's reference consumer of the feed (docs/integrators.md, *The feed for other
// government systems*): it follows the finalized deaths, births and enrollments, deactivates
// the identity document of each person who died (and reactivates it if the death is revoked),
// and keeps, in one file written at once (a temporary file renamed over the last), the cursor
// with everything it did. Killed at any moment, it restarts from that file: no event is lost
// and none is handled twice.
//
//   node lib/id-agency.mjs <office API URL> <node RPC URL> <key URI> <office> <state file>
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { officer } from '../examples/connect.mjs';
import { readFeed } from '../examples/office.mjs';
import { rpc } from '../examples/queries.mjs';

/** The agency's state: the cursor, every event handled (block, event, act, kind, change, and
 *  the finalized block the node answered at), the persons whose ID is deactivated, and the
 *  access-log entry of each answer that delivered events. */
export function loadState(path) {
  if (!existsSync(path)) return { next: null, delivered: [], deactivated: [], logged: [] };
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Write `state` whole: a temporary file, flushed, renamed over the last (atomic on POSIX). */
export function saveState(path, state) {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  writeSync(fd, JSON.stringify(state));
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, path);
}

/** Apply one answer of the feed to `state`: the agency's work, then the cursor. */
export function apply(state, page) {
  const deactivated = new Set(state.deactivated);
  for (const e of page.events) {
    if (e.kind === 'death' && e.change === 'registered') e.persons.forEach((p) => deactivated.add(p));
    if (e.kind === 'death' && e.change === 'revoked') e.persons.forEach((p) => deactivated.delete(p));
    state.delivered.push([e.block, e.event, e.act, e.kind, e.change, page.finalized, e.blockHash]);
  }
  state.deactivated = [...deactivated];
  if (page.events.length > 0) state.logged.push(page.logged);
  state.next = page.next;
  return state;
}

/** Follow the feed for ever (until killed). */
export async function follow({ officeApi, nodeRpc, keyUri, office, statePath, max = 500 }) {
  await cryptoWaitReady();
  const key = officer(keyUri);
  const genesis = await rpc(nodeRpc, 'chain_getBlockHash', [0]);
  for (;;) {
    const state = loadState(statePath);
    const page = await readFeed(officeApi, genesis, key, office, state.next, max);
    saveState(statePath, apply(state, page));
    if (page.events.length === 0) await new Promise((r) => setTimeout(r, 300));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [officeApi, nodeRpc, keyUri, office, statePath] = process.argv.slice(2);
  follow({ officeApi, nodeRpc, keyUri, office: Number(office), statePath }).catch((e) => {
    console.error(`id-agency: ${e.message}`);
    process.exit(1);
  });
}
