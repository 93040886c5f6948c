// Writes the code blocks of docs/integrators.md from the examples the test suite runs, so that
// the docs cannot rot: every block follows a marker `<!-- example: <file>#<region> -->` and is
// replaced by that region of tests/e2e/examples/<file>.
//
//   node scripts/gen-docs.mjs          rewrite docs/integrators.md
//   node scripts/gen-docs.mjs --check  exit 1 if it is not up to date
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DOC = fileURLToPath(new URL('../../../docs/integrators.md', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const MARKER = /(<!-- example: ([\w.-]+)#(\w+) -->\n)```js\n[\s\S]*?```/g;

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
  return doc.replace(MARKER, (_, marker, file, name) => {
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
