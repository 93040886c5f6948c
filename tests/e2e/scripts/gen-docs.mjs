// Writes the code blocks of docs/integrators.md from the examples the test suite runs, so that
// the docs cannot rot: every block follows a marker `<!-- example: <file>#<region> -->` and is
// replaced by that region of tests/e2e/examples/<file>. The error table between
// `<!-- errors -->` and `<!-- /errors -->` is written from the pallets' `#[pallet::error]` docs
// (the suite also checks it against the live metadata).
//
//   node scripts/gen-docs.mjs          rewrite docs/integrators.md
//   node scripts/gen-docs.mjs --check  exit 1 if it is not up to date
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DOC = fileURLToPath(new URL('../../../docs/integrators.md', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const MARKER = /(<!-- example: ([\w.-]+)#(\w+) -->\n)```js\n[\s\S]*?```/g;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ERRORS = /(<!-- errors -->\n\| error \| meaning \|\n\| --- \| --- \|\n)[\s\S]*?(\n<!-- \/errors -->)/;
const PALLET_SOURCES = [
  ['civilEvents', 'pallets/civil-events/src/lib.rs'],
  ['offices', 'pallets/offices/src/events.rs'],
  ['gate', 'pallets/gate/src/lib.rs'],
  ['persons', 'pallets/persons/src/lib.rs'],
  ['governance', 'pallets/governance/src/lib.rs'],
];

/** One table row per error of the registry pallets, with its doc comment. */
export function errorRows() {
  const rows = [];
  for (const [pallet, path] of PALLET_SOURCES) {
    const source = readFileSync(`${ROOT}${path}`, 'utf8');
    const start = source.indexOf('#[pallet::error]');
    const body = source.slice(source.indexOf('{', start) + 1, source.indexOf('}', start));
    let docs = [];
    for (const raw of body.split('\n')) {
      const line = raw.trim();
      if (line.startsWith('///')) docs.push(line.slice(3).trim());
      else if (/^\w+,$/.test(line)) {
        rows.push(`| \`${pallet}.${line.slice(0, -1)}\` | ${docs.join(' ')} |`);
        docs = [];
      }
    }
  }
  return rows;
}

/** Every `// #region <name>` of every example file: `file#name` → code. */
export function regions() {
  const found = new Map();
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.mjs'))) {
    const text = readFileSync(`${EXAMPLES}${file}`, 'utf8');
    for (const [, name, code] of text.matchAll(/\/\/ #region (\w+)\n([\s\S]*?)\/\/ #endregion \1\n/g)) {
      found.set(`${file}#${name}`, code);
    }
  }
  return found;
}

/** The doc with every example block replaced by its region; throws on an unknown region. */
export function render(doc) {
  const code = regions();
  const withErrors = doc.replace(ERRORS, (_, head, tail) => `${head}${errorRows().join('\n')}${tail}`);
  return withErrors.replace(MARKER, (_, marker, file, name) => {
    const body = code.get(`${file}#${name}`);
    if (body === undefined) throw new Error(`docs/integrators.md refers to ${file}#${name}, which no example has`);
    return `${marker}\`\`\`js\n${body}\`\`\``;
  });
}

/** The regions the doc refers to. */
export function referenced(doc) {
  return [...doc.matchAll(MARKER)].map(([, , file, name]) => `${file}#${name}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const doc = readFileSync(DOC, 'utf8');
  const rendered = render(doc);
  if (process.argv.includes('--check')) {
    if (rendered !== doc) {
      console.error('docs/integrators.md is out of date: run `npm run docs` in tests/e2e');
      process.exit(1);
    }
  } else {
    writeFileSync(DOC, rendered);
  }
}
