// Rotates an authority's session keys on its own node:
//   node tests/e2e/scripts/rotate-keys.mjs <ws endpoint of the node> <authority.phrase file>
// (scripts/rotate-keys.sh installs the packages and calls this.) The node generates the keys
// in its keystore; the department's authority account signs `session.setKeys` with the proof.
import { readFileSync } from 'node:fs';
import { connect, officer } from '../examples/connect.mjs';
import { rotateKeys } from '../examples/governance.mjs';

const [endpoint, phraseFile] = process.argv.slice(2);
if (!endpoint || !phraseFile) {
  console.error('usage: rotate-keys.mjs <ws endpoint> <authority.phrase file>');
  process.exit(2);
}
const api = await connect(endpoint);
try {
  const authority = officer(readFileSync(phraseFile, 'utf8').trim());
  const keys = await rotateKeys(api, authority);
  console.log(`rotate-keys: ${authority.address} registered new session keys ${keys}; they take effect two sessions from now`);
} finally {
  await api.disconnect();
}
