// Issue #6, acceptance 2: the examples of docs/integrators.md are the code this suite runs,
// and every call and query has one.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DOC, referenced, regions, render } from '../scripts/gen-docs.mjs';
import { setup } from '../lib/helpers.mjs';

const { api } = await setup();
test.after(() => api.disconnect());
const doc = readFileSync(DOC, 'utf8');
const inDoc = new Set(referenced(doc));

test('docs/integrators.md shows exactly the code of the examples', () => {
  assert.equal(render(doc), doc, 'run `npm run docs` in tests/e2e');
});

test('every example is in the docs', () => {
  const missing = [...regions().keys()].filter((r) => !inDoc.has(r));
  assert.deepEqual(missing, []);
});

test('every call of CivilEvents and Offices has an example in the docs', () => {
  const examples = new Set([...inDoc].map((r) => r.split('#')[1]));
  for (const pallet of ['civilEvents', 'offices']) {
    for (const call of Object.keys(api.tx[pallet])) {
      assert.ok(examples.has(call), `${pallet}.${call} has an example`);
    }
  }
});

test('every runtime API method has an example in the docs', () => {
  const examples = new Set([...inDoc].map((r) => r.split('#')[1]));
  for (const method of Object.keys(api.call.civilRegistryApi)) {
    const region = method === 'officer' ? 'officerQuery' : method;
    assert.ok(examples.has(region), `civilRegistryApi.${method} has an example`);
  }
});

test('the error table lists every error of the registry pallets with the chain\'s own text', () => {
  const missing = [];
  for (const pallet of ['civilEvents', 'offices', 'persons']) {
    for (const [name, error] of Object.entries(api.errors[pallet])) {
      const line = `| \`${pallet}.${name}\` | ${error.meta.docs.map((d) => d.toString().trim()).join(' ')} |`;
      if (!doc.includes(line)) missing.push(line);
    }
  }
  assert.deepEqual(missing, []);
});
