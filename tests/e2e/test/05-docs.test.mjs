// Issue #6, acceptance 2: the examples of docs/integrators.md are the code this suite runs,
// and every call and query has one.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DOC, referenced, regions, render } from '../scripts/gen-docs.mjs';
import { jurisdictionByCode, jurisdictions } from '../examples/queries.mjs';
import { TASHKENT, UZBEKISTAN, YUNUSOBOD, setup } from '../lib/helpers.mjs';

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
  for (const pallet of ['civilEvents', 'offices', 'persons', 'governance']) {
    for (const [name, error] of Object.entries(api.errors[pallet])) {
      const line = `| \`${pallet}.${name}\` | ${error.meta.docs.map((d) => d.toString().trim()).join(' ')} |`;
      if (!doc.includes(line)) missing.push(line);
    }
  }
  assert.deepEqual(missing, []);
});

test("the development chain's jurisdictions are as the docs list them", async () => {
  const table = doc.slice(doc.indexOf('<!-- dev-jurisdictions -->'), doc.indexOf('<!-- /dev-jurisdictions -->'));
  const rows = table.split('\n').filter((line) => /^\| \d+ \|/.test(line)).map((line) => {
    const [id, code, name, parent] = line.split('|').slice(1, 5).map((cell) => cell.trim());
    return { id: Number(id), code: code.replaceAll('`', ''), name, parent: parent === '—' ? null : Number(parent) };
  });
  assert.ok(rows.length >= 20, `${rows.length} rows in the table`);
  const onChain = new Map((await jurisdictions(api)).map((j) => [j.id, j]));
  for (const row of rows) assert.deepEqual(onChain.get(row.id), row, `jurisdiction ${row.id}`);
  // The ids the suite uses, found by code as an integrator would.
  assert.deepEqual(
    await Promise.all(['UZ', 'UZ-TK', 'UZ-TK-YUN', 'UZ-NOPE'].map((code) => jurisdictionByCode(api, code))),
    [UZBEKISTAN, TASHKENT, YUNUSOBOD, null]);
});
