import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The runtime-neutral part of the test suite: every `test/**\/*.test.ts` whose imports, followed
 * through relative files, reach no `node:*` module, no package outside `PORTABLE_PACKAGES` and no
 * Node global (`Buffer.from`, `process.env`...).
 * The browser run (scripts/test-browser.ts) and the edge-runtime run (vitest.edge.config.ts)
 * both use this list, so a test that starts reading a file with `node:fs` leaves both runs by
 * selection instead of failing there (and a new runtime-neutral test joins them by itself).
 */

/** Packages the neutral tests may import: the test runner, fast-check and the pure-JS peers. */
const PORTABLE_PACKAGES = ['vitest', 'fast-check', 'libphonenumber-js', 'validator'];

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*\(?\s*['"]([^'"]+)['"]/g;

const BLOCK_COMMENT = /\/\*[\s\S]*?\*\//g;
const LINE_COMMENT = /^\s*\/\/.*$/gm;
const NODE_GLOBAL = /\b(?:Buffer|process|__dirname|__filename|require)\b(?=\s*[.(])/;

export interface NeutralSelection {
  /** Test files (paths relative to the repository root, `/`-separated) that run anywhere. */
  readonly included: string[];
  /** Left out, with the first import that ties each to Node (or to a non-portable package). */
  readonly excluded: { file: string; reason: string }[];
}

/**
 * @example
 * const { included } = neutralTests(process.cwd()) // ['test/detectors/email.test.ts', ...]
 */
export function neutralTests(root: string): NeutralSelection {
  const included: string[] = [];
  const excluded: { file: string; reason: string }[] = [];
  const verdicts = new Map<string, string | null>();
  for (const file of listTests(join(root, 'test'))) {
    const reason = nodeTie(file, verdicts, new Set());
    const name = relative(root, file).split('\\').join('/');
    if (reason === null) included.push(name);
    else excluded.push({ file: name, reason });
  }
  return { included, excluded };
}

function listTests(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...listTests(path));
    else if (entry.name.endsWith('.test.ts')) files.push(path);
  }
  return files;
}

/** The import chain that ties `file` to Node, or null when it has none. */
function nodeTie(file: string, verdicts: Map<string, string | null>, visiting: Set<string>): string | null {
  const known = verdicts.get(file);
  if (known !== undefined) return known;
  if (visiting.has(file)) return null;
  visiting.add(file);
  // JSDoc examples import from 'piiveil': read code only.
  const source = readFileSync(file, 'utf8').replace(BLOCK_COMMENT, '').replace(LINE_COMMENT, '');
  // Node's globals need no import. Only tests and their helpers are checked: the core compiles
  // without Node types (tsconfig.json), so a use there is a type error, not a reason to skip.
  const global = file.includes(`${sep}src${sep}`) ? null : NODE_GLOBAL.exec(source);
  let verdict: string | null = global === null ? null : `${global[0]} (Node global)`;
  for (const match of verdict === null ? source.matchAll(IMPORT) : []) {
    const specifier = match[1] ?? match[2];
    if (specifier === undefined) continue;
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
      const inner = nodeTie(target, verdicts, visiting);
      if (inner !== null) {
        verdict = `${specifier} -> ${inner}`;
        break;
      }
    } else if (!PORTABLE_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`))) {
      verdict = specifier;
      break;
    }
  }
  verdicts.set(file, verdict);
  return verdict;
}
