/**
 * Lists every regular expression in src/: regex literals and `new RegExp(...)`/`RegExp(...)`
 * calls, found with the TypeScript parser (so regex-like text in strings and comments is not
 * counted). docs/regex-audit.md must list each one with why it cannot backtrack
 * catastrophically; test/regex-audit.test.ts fails when one is missing.
 *
 *   npx tsx scripts/regex-audit.ts          print `file:line  pattern` for every regex
 *   npx tsx scripts/regex-audit.ts --check  exit 1 when docs/regex-audit.md misses one or lists a stale one
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One regular expression in the sources. */
export interface RegexSite {
  /** Path relative to the repository root, with '/'. */
  readonly file: string;
  readonly line: number;
  /** The literal as written (`/[0-9]/g`), or the source text of the `RegExp` call. */
  readonly pattern: string;
}

const ROOT = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts')) files.push(path);
  }
  return files.sort();
}

/** Every regex of every `.ts` file under `src/`. */
export function findRegexes(root = ROOT): RegexSite[] {
  const sites: RegexSite[] = [];
  for (const path of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const file = relative(root, path).split('\\').join('/');
    const visit = (node: ts.Node): void => {
      const isLiteral = node.kind === ts.SyntaxKind.RegularExpressionLiteral;
      const isCall = (ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp';
      if (isLiteral || isCall) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        sites.push({ file, line, pattern: node.getText(source) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}

/** Regexes whose pattern does not appear in docs/regex-audit.md under a heading naming their file. */
export function unlisted(root = ROOT): RegexSite[] {
  const doc = readFileSync(join(root, 'docs/regex-audit.md'), 'utf8');
  const sections = new Map<string, string>();
  for (const section of doc.split(/^## /m).slice(1)) {
    const heading = section.slice(0, section.indexOf('\n')).trim().replace(/`/g, '');
    sections.set(heading, section);
  }
  return findRegexes(root).filter((site) => !(sections.get(site.file) ?? '').includes(site.pattern));
}

/**
 * Entries of docs/regex-audit.md (a list item opening with a backticked regex under a heading
 * naming a file) that match no regex of that file any more: an audit that lists code which is
 * gone no longer says anything about the code that is there.
 */
export function stale(root = ROOT): string[] {
  const doc = readFileSync(join(root, 'docs/regex-audit.md'), 'utf8');
  const byFile = new Map<string, string[]>();
  for (const site of findRegexes(root)) byFile.set(site.file, [...(byFile.get(site.file) ?? []), site.pattern]);
  const found: string[] = [];
  for (const section of doc.split(/^## /m).slice(1)) {
    const file = section.slice(0, section.indexOf('\n')).trim().replace(/`/g, '');
    if (!file.startsWith('src/')) continue;
    const patterns = byFile.get(file) ?? [];
    for (const item of section.matchAll(/^- `((?:\/|new RegExp\(|RegExp\()[^`]*)`/gm)) {
      const entry = item[1];
      if (!patterns.some((pattern) => pattern === entry || pattern.startsWith(entry))) found.push(`${file}: ${entry}`);
    }
  }
  return found;
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const missing = unlisted();
    for (const site of missing) console.log(`not in docs/regex-audit.md: ${site.file}:${site.line}  ${site.pattern}`);
    const gone = stale();
    for (const entry of gone) console.log(`in docs/regex-audit.md but not in the file: ${entry}`);
    process.exitCode = missing.length + gone.length > 0 ? 1 : 0;
  } else {
    for (const site of findRegexes()) console.log(`${site.file}:${site.line}  ${site.pattern}`);
  }
}
